package org.lafaom.platform.cabinet;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lafaom.platform.cabinet.ApplicantAccess.Caller;
import org.lafaom.platform.cabinet.CabinetApplicationRepository.Application;
import org.lafaom.platform.cabinet.CabinetViews.DocumentOut;
import org.lafaom.platform.cabinet.CabinetViews.DocumentUploaded;
import org.lafaom.platform.shared.AfterTransaction;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.Ids;
import org.lafaom.platform.storage.FileKind;
import org.lafaom.platform.storage.FileStore;
import org.lafaom.platform.storage.StoredObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * A firm's documents (proposals, certificates): PDF, JPEG or PNG decided by content, size-limited,
 * kept privately by {@link FileStore} (the old route discarded them), uploaded and read only by the
 * applicant (account or token) and by staff.
 */
@Service
class CabinetDocuments {

    static final String FOLDER = "cabinet-applications";
    static final Set<FileKind> ACCEPTED = EnumSet.of(FileKind.PDF, FileKind.JPEG, FileKind.PNG);

    private static final String COLUMNS = "SELECT id, document_type, file_name, media_type, size_bytes, created_at FROM cabinet_application_documents";

    private final ApplicantAccess access;
    private final CabinetApplicationRepository applications;
    private final FileStore files;
    private final CabinetProperties properties;
    private final JdbcClient jdbc;

    CabinetDocuments(ApplicantAccess access, CabinetApplicationRepository applications, FileStore files,
            CabinetProperties properties, JdbcClient jdbc) {
        this.access = access;
        this.applications = applications;
        this.files = files;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Transactional
    DocumentUploaded upload(String applicationId, String documentType, MultipartFile file, Caller caller) {
        Application a = access.require(applicationId, caller, CabinetApplications.CHANGE);
        String type = documentType == null ? "" : documentType.trim();
        if (type.isEmpty()) {
            throw ApiException.validation("body", "document_type", "Field required");
        }
        if (type.length() > 100) {
            throw ApiException.validation("body", "document_type", "document_type must be at most 100 characters");
        }
        applications.lock(a.id());
        long held = jdbc.sql("SELECT count(*) FROM cabinet_application_documents WHERE application_id = :a").param("a", a.id())
                .query(Long.class).single();
        if (held >= properties.maxDocuments()) {
            throw ApiException.validation("body", "file", "An application holds at most " + properties.maxDocuments() + " documents");
        }
        FileStore.StoredFile stored = files.store(FOLDER, file, ACCEPTED, properties.maxDocumentSize());
        AfterTransaction.afterRollback(() -> files.delete(stored.key()));
        String id = Ids.newId();
        jdbc.sql("""
                INSERT INTO cabinet_application_documents (id, application_id, document_type, file_path, file_name, media_type,
                    size_bytes, uploaded_by)
                VALUES (:id, :a, :type, :path, :name, :media, :size, :by)""")
                .param("id", id).param("a", a.id()).param("type", type).param("path", stored.key())
                .param("name", fileName(file.getOriginalFilename(), stored.kind())).param("media", stored.kind().mediaType())
                .param("size", stored.size()).param("by", caller.me() == null ? null : caller.me().id()).update();
        applications.setProposalDocument(a.id(), stored.key());
        return new DocumentUploaded("Document uploadé avec succès", type, document(a.id(), id).orElseThrow());
    }

    List<DocumentOut> list(String applicationId, Caller caller) {
        Application a = access.require(applicationId, caller, CabinetApplications.VIEW);
        return jdbc.sql(COLUMNS + " WHERE application_id = :a ORDER BY created_at, id").param("a", a.id())
                .query(DocumentOut.class).list();
    }

    /** The stored file and its row, for the applicant or staff. */
    record File(DocumentOut document, StoredObject stored) {}

    File file(String applicationId, String documentId, Caller caller) {
        Application a = access.require(applicationId, caller, CabinetApplications.VIEW);
        DocumentOut document = document(a.id(), documentId).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "Document non trouvé"));
        String key = jdbc.sql("SELECT file_path FROM cabinet_application_documents WHERE id = :id").param("id", document.id())
                .query(String.class).single();
        StoredObject stored = files.open(key)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "Le fichier de ce document n'est plus stocké"));
        return new File(document, stored);
    }

    private Optional<DocumentOut> document(String applicationId, String id) {
        return jdbc.sql(COLUMNS + " WHERE application_id = :a AND id = :id").param("a", applicationId).param("id", id)
                .query(DocumentOut.class).optional();
    }

    /** The name the firm gave, reduced to safe characters, with the extension its content really has. */
    static String fileName(String original, FileKind kind) {
        String base = original == null ? "" : original.replaceAll(".*[/\\\\]", "");
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        base = base.replaceAll("[^\\p{L}\\p{N} ._-]", "_").trim();
        if (base.isEmpty()) {
            base = "document";
        }
        if (base.length() > 200) {
            base = base.substring(0, 200);
        }
        return base + "." + kind.extension();
    }
}
