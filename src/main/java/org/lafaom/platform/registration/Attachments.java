package org.lafaom.platform.registration;

import java.util.List;
import java.util.Set;
import org.lafaom.platform.registration.ApplicationRepository.Application;
import org.lafaom.platform.registration.ApplicationViews.AttachmentOut;
import org.lafaom.platform.registration.AttachmentRepository.Attachment;
import org.lafaom.platform.shared.AfterTransaction;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.CurrentUser;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.WebProperties;
import org.lafaom.platform.storage.FileKind;
import org.lafaom.platform.storage.FileStore;
import org.lafaom.platform.storage.StoredObject;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * An application's documents: PDF, JPEG or PNG by content, kept by {@link FileStore} outside the
 * database, shown only to the student and to staff who may see applications. A new document of a
 * type replaces the old one. Files follow their rows: a file is removed only after the row's
 * removal committed, and a file stored by a transaction that rolled back is removed too.
 */
@Service
@Transactional(readOnly = true)
class Attachments {

    static final Set<FileKind> ACCEPTED = Set.of(FileKind.PDF, FileKind.JPEG, FileKind.PNG);
    static final String FOLDER = "student-applications";

    private final AttachmentRepository attachments;
    private final ApplicationAccess access;
    private final FileStore files;
    private final String downloadBase;

    Attachments(AttachmentRepository attachments, ApplicationAccess access, FileStore files, WebProperties web) {
        this.attachments = attachments;
        this.access = access;
        this.files = files;
        this.downloadBase = web.publicUrlWithoutSlash() + "/api/v1/student-attachments/";
    }

    /** The documents of an application the caller may see (owner, the public site's follow-up, or staff with the permission). */
    List<AttachmentOut> list(int applicationId, CurrentUser me, String clientAddress) {
        access.read(applicationId, me, clientAddress, "can_view_student_application");
        return views(applicationId);
    }

    List<AttachmentOut> views(int applicationId) {
        return attachments.ofApplication(applicationId).stream().map(this::view).toList();
    }

    /**
     * Adds a document to the caller's own application while it is still being prepared or reviewed
     * ({@code me} is null for the public site's follow-up, see {@link ApplicationAccess}).
     */
    @Transactional
    AttachmentOut upload(int applicationId, String documentType, MultipartFile file, CurrentUser me, String clientAddress) {
        Application application = access.lock(applicationId, me, clientAddress);
        if (!application.status().equals("RECEIVED") && !application.status().equals("SUBMITTED")) {
            throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION, "Documents can no longer be changed: the application is "
                    + application.status());
        }
        String type = documentType == null ? "" : documentType.trim();
        if (type.isEmpty() || type.length() > 100) {
            throw ApiException.validation("body", "name", "A document name of 1 to 100 characters is required");
        }
        FileStore.StoredFile stored = files.store(FOLDER, file, ACCEPTED, null);
        AfterTransaction.afterRollback(() -> files.delete(stored.key()));
        List<String> replaced = attachments.deleteOfType(applicationId, type);
        int id = attachments.insert(applicationId, type, stored.key());
        AfterTransaction.afterCommit(() -> replaced.forEach(files::delete));
        return view(attachments.find(id).orElseThrow());
    }

    /** The owner removes a document before submitting; staff with the permission at any time. */
    @Transactional
    AttachmentOut delete(int attachmentId, CurrentUser me) {
        Attachment attachment = visible(attachmentId, me, "can_delete_student_attachment");
        boolean staff = !attachment.ownerId().equals(me.id());
        if (!staff && !attachment.applicationStatus().equals("RECEIVED")) {
            throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION, "Submitted documents cannot be removed");
        }
        attachments.delete(attachmentId);
        AfterTransaction.afterCommit(() -> files.delete(attachment.filePath()));
        return view(attachment);
    }

    /** A document's file, for its owner or staff who may see applications. */
    Download file(int attachmentId, CurrentUser me) {
        Attachment attachment = visible(attachmentId, me, "can_view_student_application");
        String path = attachment.filePath();
        if (path.startsWith("https://") || path.startsWith("http://")) {
            return new Download(null, null, null, path);
        }
        StoredObject file = files.open(path).orElseThrow(() -> new ApiException(ErrorCode.STUDENT_ATTACHMENT_NOT_FOUND));
        FileKind kind = FileKind.fromExtension(file.extension()).orElse(FileKind.PDF);
        String name = attachment.documentType().replaceAll("[^A-Za-z0-9._-]", "_") + "." + kind.extension();
        return new Download(file, kind.mediaType(), name, null);
    }

    /** A stored file (folder or bucket), or, for documents uploaded to the old backend's storage, where it lives. */
    record Download(StoredObject file, String mediaType, String filename, String legacyUrl) {}

    private Attachment visible(int attachmentId, CurrentUser me, String staffPermission) {
        Attachment attachment = attachments.find(attachmentId)
                .orElseThrow(() -> new ApiException(ErrorCode.STUDENT_ATTACHMENT_NOT_FOUND));
        if (!attachment.ownerId().equals(me.id()) && !me.can(staffPermission)) {
            throw new ApiException(ErrorCode.STUDENT_ATTACHMENT_NOT_FOUND);
        }
        return attachment;
    }

    private AttachmentOut view(Attachment a) {
        String path = a.filePath().startsWith("http") ? a.filePath() : downloadBase + a.id() + "/file";
        return new AttachmentOut(a.id(), a.applicationId(), a.documentType(), path, a.createdAt(), a.updatedAt());
    }

}
