package org.lafaom.platform.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lafaom.platform.jobs.JobViews.DownloadLink;
import org.lafaom.platform.jobs.JobViews.JobAttachmentOut;
import org.lafaom.platform.shared.AfterTransaction;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.CurrentUser;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.WebProperties;
import org.lafaom.platform.storage.FileKind;
import org.lafaom.platform.storage.FileStore;
import org.lafaom.platform.storage.StoredObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Candidates' documents. Uploads are public but private once stored: kept by {@link FileStore}
 * outside any public folder, type decided by content, and served only through short-lived links
 * given to staff who may view applications and to the candidate who proved who they are.
 */
@Service
class JobAttachments {

    static final String FOLDER = "job-applications";
    static final Set<FileKind> ACCEPTED = EnumSet.of(FileKind.PDF, FileKind.JPEG, FileKind.PNG);
    static final String VIEW_PERMISSION = "can_view_job_application";

    private static final Logger log = LoggerFactory.getLogger(JobAttachments.class);
    /** Where the old backend put candidates' files (publicly served then; private now). */
    private static final Pattern LEGACY_PATH = Pattern.compile("/?static/uploads/job-applications/([A-Za-z0-9][A-Za-z0-9._-]{0,250})");

    private final JobAttachmentRepository attachments;
    private final FileStore files;
    private final JobsProperties properties;
    private final WebProperties web;
    private final Clock clock;
    private final Path legacyFolder;

    JobAttachments(JobAttachmentRepository attachments, FileStore files, JobsProperties properties, WebProperties web, Clock clock) {
        this.attachments = attachments;
        this.files = files;
        this.properties = properties;
        this.web = web;
        this.clock = clock;
        this.legacyFolder = properties.legacyStaticDir().toAbsolutePath().normalize().resolve("uploads/job-applications");
    }

    /** Stores an upload not yet claimed by an application; its {@code file_path} is what the application sends back. */
    JobAttachmentOut upload(String name, MultipartFile file) {
        if (name == null || name.isBlank()) {
            throw ApiException.validation("body", "name", "Field required");
        }
        if (name.length() > 100) {
            throw ApiException.validation("body", "name", "name must be at most 100 characters");
        }
        FileStore.StoredFile stored = files.store(FOLDER, file, ACCEPTED, properties.maxDocumentSize());
        try {
            return attachments.insertUnattached(name.trim(), stored.key(), name.trim());
        } catch (RuntimeException e) {
            files.delete(stored.key());
            throw e;
        }
    }

    JobAttachmentOut get(int id) {
        return attachments.find(id).orElseThrow(() -> new ApiException(ErrorCode.JOB_ATTACHMENT_NOT_FOUND));
    }

    List<JobAttachmentOut> ofApplication(int applicationId) {
        return attachments.ofApplication(applicationId);
    }

    /** The application's attachments, each with a fresh download link (for the candidate's own answers). */
    List<JobAttachmentOut> ofApplicationWithLinks(int applicationId) {
        return attachments.ofApplication(applicationId).stream().map(a -> a.withDownloadUrl(linkOrNull(a))).toList();
    }

    /** Deletes the row now and the file once the deletion has committed. */
    @Transactional
    JobAttachmentOut delete(int id) {
        JobAttachmentOut attachment = get(id);
        attachments.delete(id);
        deleteFileAfterCommit(attachment.filePath());
        return attachment;
    }

    void deleteFileAfterCommit(String filePath) {
        if (files.isKey(filePath)) {
            AfterTransaction.afterCommit(() -> files.delete(filePath));
            return;
        }
        Optional<Path> legacy = legacyFile(filePath);
        if (legacy.isEmpty()) {
            return;
        }
        AfterTransaction.afterCommit(() -> {
            try {
                Files.deleteIfExists(legacy.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The file behind a {@code file_path}: one this service stored (folder or bucket), or one the
     * old backend stored under {@code static/uploads/job-applications/} in the copied legacy folder.
     */
    Optional<StoredObject> stored(String filePath) {
        if (files.isKey(filePath)) {
            return files.open(filePath);
        }
        return legacyFile(filePath).map(path -> {
            String name = path.getFileName().toString();
            return StoredObject.ofFile(name, FileKind.mediaTypeOf(name), path);
        });
    }

    private Optional<Path> legacyFile(String filePath) {
        Matcher legacy = filePath == null ? null : LEGACY_PATH.matcher(filePath);
        if (legacy == null || !legacy.matches()) {
            return Optional.empty();
        }
        Path path = legacyFolder.resolve(legacy.group(1)).normalize();
        return path.getParent().equals(legacyFolder) && Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /** A link for staff: the file's address with a token that works for {@code download-link-ttl}. */
    @Transactional
    DownloadLink link(int id) {
        JobAttachmentOut attachment = get(id);
        if (isExternal(attachment.filePath())) {
            return new DownloadLink(attachment.filePath(), null);
        }
        if (stored(attachment.filePath()).isEmpty()) {
            throw new ApiException(ErrorCode.JOB_ATTACHMENT_NOT_FOUND, "The file of this attachment is not stored on this server");
        }
        OffsetDateTime expires = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).plus(properties.downloadLinkTtl());
        return new DownloadLink(grant(attachment.id(), expires), expires);
    }

    /** The stored file, for a caller who may view applications or holds a live link token. */
    StoredObject file(int id, String token, CurrentUser me) {
        JobAttachmentOut attachment = get(id);
        boolean staff = me != null && me.can(VIEW_PERMISSION);
        boolean linked = token != null && !token.isBlank() && attachments.downloadAllowed(Tokens.sha256(token.trim()), id);
        if (!staff && !linked) {
            throw new ApiException(me == null && (token == null || token.isBlank()) ? ErrorCode.NOT_AUTHENTICATED : ErrorCode.ACCESS_DENIED);
        }
        return stored(attachment.filePath()).orElseThrow(() -> new ApiException(ErrorCode.JOB_ATTACHMENT_NOT_FOUND,
                "The file of this attachment is not stored on this server"));
    }

    /** Removes uploads no application claimed in time, so public uploads cannot fill the disk. */
    @Transactional
    void removeUnclaimed() {
        OffsetDateTime before = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(properties.unattachedUploadTtl());
        List<JobAttachmentOut> stale = attachments.unattachedBefore(before, 500);
        stale.forEach(a -> {
            attachments.delete(a.id());
            deleteFileAfterCommit(a.filePath());
        });
        if (!stale.isEmpty()) {
            log.info("Removed {} uploaded job documents that no application claimed", stale.size());
        }
    }

    /**
     * A link for each document of a listing. Files this service stored get one without asking the
     * storage first (with a bucket that would be one request per document, and a bucket outage
     * would fail the whole listing); the link itself answers {@code job_attachment_not_found} if the
     * file is gone. Legacy files are looked for in the copied folder, a cheap local check.
     */
    private String linkOrNull(JobAttachmentOut attachment) {
        if (isExternal(attachment.filePath())) {
            return attachment.filePath();
        }
        if (!files.isKey(attachment.filePath()) && legacyFile(attachment.filePath()).isEmpty()) {
            return null;
        }
        return grant(attachment.id(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).plus(properties.downloadLinkTtl()));
    }

    private String grant(int attachmentId, OffsetDateTime expires) {
        String token = Tokens.opaque();
        attachments.grantDownload(Tokens.sha256(token), attachmentId, expires);
        return web.publicUrlWithoutSlash() + "/api/v1/job-attachments/" + attachmentId + "/file?token=" + token;
    }

    /** Legacy attachments stored on S3 by the old backend are public URLs already. */
    private static boolean isExternal(String path) {
        return path != null && (path.startsWith("https://") || path.startsWith("http://"));
    }
}
