package org.lafaom.platform.registration;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the legacy {@code student_attachments} table; {@code file_path} holds the storage key. */
@Repository
class AttachmentRepository {

    private static final String COLUMNS = "d.id, d.application_id, d.document_type, d.file_path, d.created_at, d.updated_at";

    private final JdbcClient jdbc;

    AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored document and who owns the application it belongs to. */
    record Attachment(int id, int applicationId, String documentType, String filePath, OffsetDateTime createdAt,
            OffsetDateTime updatedAt, String ownerId, String applicationStatus) {}

    List<Attachment> ofApplication(int applicationId) {
        return jdbc.sql("SELECT " + COLUMNS + ", a.user_id AS owner_id, a.status AS application_status FROM student_attachments d"
                        + " JOIN student_applications a ON a.id = d.application_id"
                        + " WHERE d.application_id = :application AND d.delete_at IS NULL ORDER BY d.created_at, d.id")
                .param("application", applicationId).query(Attachment.class).list();
    }

    Optional<Attachment> find(int id) {
        return jdbc.sql("SELECT " + COLUMNS + ", a.user_id AS owner_id, a.status AS application_status FROM student_attachments d"
                        + " JOIN student_applications a ON a.id = d.application_id"
                        + " WHERE d.id = :id AND d.delete_at IS NULL AND a.delete_at IS NULL")
                .param("id", id).query(Attachment.class).optional();
    }

    List<String> documentTypes(int applicationId) {
        return jdbc.sql("SELECT DISTINCT document_type FROM student_attachments WHERE application_id = :application AND delete_at IS NULL")
                .param("application", applicationId).query(String.class).list();
    }

    /** Removes the application's documents of this type; returns their storage keys. */
    List<String> deleteOfType(int applicationId, String documentType) {
        return jdbc.sql("DELETE FROM student_attachments WHERE application_id = :application AND document_type = :type RETURNING file_path")
                .param("application", applicationId).param("type", documentType).query(String.class).list();
    }

    int insert(int applicationId, String documentType, String key) {
        return jdbc.sql("""
                INSERT INTO student_attachments (created_at, updated_at, application_id, document_type, file_path, upload_date)
                VALUES (now(), now(), :application, :type, :key, now() AT TIME ZONE 'UTC') RETURNING id""")
                .param("application", applicationId).param("type", documentType).param("key", key).query(Integer.class).single();
    }

    void delete(int id) {
        jdbc.sql("DELETE FROM student_attachments WHERE id = :id").param("id", id).update();
    }
}
