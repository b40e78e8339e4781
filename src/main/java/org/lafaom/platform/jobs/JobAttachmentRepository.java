package org.lafaom.platform.jobs;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.lafaom.platform.jobs.JobViews.JobAttachmentOut;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over the legacy {@code job_attachments} table and the download links of V31. An upload is a
 * row without application until an application claims it by its {@code file_path}.
 */
@Repository
class JobAttachmentRepository {

    private static final String COLUMNS = """
            SELECT id, application_id, document_type, file_path, name, created_at, updated_at, NULL AS download_url
            FROM job_attachments""";

    private final JdbcClient jdbc;

    JobAttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    JobAttachmentOut insertUnattached(String documentType, String filePath, String name) {
        return jdbc.sql("""
                INSERT INTO job_attachments (created_at, updated_at, application_id, document_type, file_path, name)
                VALUES (now(), now(), NULL, :type, :path, :name)
                RETURNING id, application_id, document_type, file_path, name, created_at, updated_at, NULL AS download_url""")
                .param("type", documentType).param("path", filePath).param("name", name)
                .query(JobAttachmentOut.class).single();
    }

    Optional<JobAttachmentOut> find(int id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id AND delete_at IS NULL").param("id", id).query(JobAttachmentOut.class).optional();
    }

    /** The live attachment stored at {@code filePath}, locked so two applications cannot claim it at once. */
    Optional<JobAttachmentOut> lockByPath(String filePath) {
        return jdbc.sql(COLUMNS + " WHERE file_path = :path AND delete_at IS NULL ORDER BY id LIMIT 1 FOR UPDATE")
                .param("path", filePath).query(JobAttachmentOut.class).optional();
    }

    void attach(int id, int applicationId, String documentType, String name) {
        jdbc.sql("""
                UPDATE job_attachments SET application_id = :app, document_type = :type, name = :name, updated_at = now()
                WHERE id = :id""")
                .param("app", applicationId).param("type", documentType).param("name", name).param("id", id).update();
    }

    List<JobAttachmentOut> ofApplication(int applicationId) {
        return jdbc.sql(COLUMNS + " WHERE application_id = :app AND delete_at IS NULL ORDER BY created_at, id")
                .param("app", applicationId).query(JobAttachmentOut.class).list();
    }

    /** Deletes the row and, by cascade, its download links. */
    void delete(int id) {
        jdbc.sql("DELETE FROM job_attachments WHERE id = :id").param("id", id).update();
    }

    /** Uploads never claimed by an application, older than {@code before}. */
    List<JobAttachmentOut> unattachedBefore(OffsetDateTime before, int limit) {
        return jdbc.sql(COLUMNS + " WHERE application_id IS NULL AND created_at < :before ORDER BY id LIMIT :limit")
                .param("before", before).param("limit", limit).query(JobAttachmentOut.class).list();
    }

    void grantDownload(String tokenHash, int attachmentId, OffsetDateTime expiresAt) {
        jdbc.sql("DELETE FROM job_attachment_download WHERE expires_at < now()").update();
        jdbc.sql("INSERT INTO job_attachment_download (token_hash, attachment_id, expires_at) VALUES (:t, :a, :e)")
                .param("t", tokenHash).param("a", attachmentId).param("e", expiresAt).update();
    }

    boolean downloadAllowed(String tokenHash, int attachmentId) {
        return jdbc.sql("""
                SELECT count(*) FROM job_attachment_download WHERE token_hash = :t AND attachment_id = :a AND expires_at > now()""")
                .param("t", tokenHash).param("a", attachmentId).query(Long.class).single() > 0;
    }
}
