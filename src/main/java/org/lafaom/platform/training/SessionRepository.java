package org.lafaom.platform.training;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.SqlWhere;
import org.lafaom.platform.training.CatalogueViews.TrainingSessionOut;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** SQL over the legacy {@code training_sessions} table; document and instalment lists are json columns. */
@Repository
class SessionRepository {

    static final String COLUMNS = "s.id, s.training_id, s.center_id, s.start_date, s.end_date, s.registration_deadline, "
            + "s.available_slots, s.status, s.registration_fee, s.training_fee, s.currency, "
            + "s.required_attachments::text AS required_attachments, s.installment_percentage::text AS installment_percentage, "
            + "s.moodle_course_id, s.created_at, s.updated_at";

    private static final java.util.Set<String> JSON_COLUMNS = java.util.Set.of("required_attachments", "installment_percentage");

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    SessionRepository(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    record Filter(String trainingId, Integer centerId, String status) {}

    Optional<TrainingSessionOut> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM training_sessions s WHERE s.id = :id AND s.delete_at IS NULL")
                .param("id", id).query(this::row).optional();
    }

    List<TrainingSessionOut> list(Filter f, PageRequest page) {
        SqlWhere where = where(f);
        return where.bind(jdbc.sql("SELECT " + COLUMNS + " FROM training_sessions s" + where.sql()
                        + " ORDER BY " + page.orderClause("s") + " LIMIT :limit OFFSET :offset"))
                .param("limit", page.pageSize()).param("offset", page.offset()).query(this::row).list();
    }

    long count(Filter f) {
        SqlWhere where = where(f);
        return where.bind(jdbc.sql("SELECT count(*) FROM training_sessions s" + where.sql())).query(Long.class).single();
    }

    /** Live applications (any status) still pointing at the session. */
    boolean hasApplications(String id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM student_applications WHERE target_session_id = :id AND delete_at IS NULL)")
                .param("id", id).query(Boolean.class).single();
    }

    void insert(String id, Map<String, Object> columns) {
        Rows.insert(jdbc, "training_sessions", id, columns, JSON_COLUMNS);
    }

    /** Applies {@code changes}; column names come from code, never from input. */
    void update(String id, Map<String, Object> changes) {
        Rows.update(jdbc, "training_sessions", id, changes, JSON_COLUMNS);
    }

    void softDelete(String id) {
        jdbc.sql("UPDATE training_sessions SET delete_at = now(), updated_at = now() WHERE id = :id").param("id", id).update();
    }

    /**
     * Takes one slot and makes the student a participant in one statement. The UPDATE locks the
     * session row, so concurrent admissions queue on it and each re-checks the count it left: a
     * session can never go below zero. Unlimited sessions ({@code available_slots} null) stay so.
     */
    boolean admit(String sessionId, String userId, int applicationId) {
        return jdbc.sql("""
                WITH slot AS (
                    UPDATE training_sessions SET available_slots = available_slots - 1, updated_at = now()
                    WHERE id = :session AND delete_at IS NULL AND (available_slots IS NULL OR available_slots > 0)
                    RETURNING id)
                INSERT INTO training_session_participants (created_at, updated_at, session_id, user_id, application_id)
                SELECT now(), now(), slot.id, :user, :application FROM slot
                ON CONFLICT (application_id) DO UPDATE SET delete_at = NULL, updated_at = now(),
                    session_id = EXCLUDED.session_id, user_id = EXCLUDED.user_id
                RETURNING id""")
                .param("session", sessionId).param("user", userId).param("application", applicationId)
                .query(Integer.class).optional().isPresent();
    }

    record Released(String sessionId, String userId) {}

    /** Ends a participation and gives its slot back; empty if the application had none. */
    Optional<Released> release(int applicationId) {
        Optional<Released> released = jdbc.sql("""
                UPDATE training_session_participants SET delete_at = now(), updated_at = now()
                WHERE application_id = :application AND delete_at IS NULL RETURNING session_id, user_id""")
                .param("application", applicationId).query(Released.class).optional();
        released.ifPresent(r -> jdbc.sql("""
                UPDATE training_sessions SET available_slots = available_slots + 1, updated_at = now()
                WHERE id = :session AND available_slots IS NOT NULL""").param("session", r.sessionId()).update());
        return released;
    }

    List<String> participantUserIds(String sessionId) {
        return jdbc.sql("""
                SELECT user_id FROM training_session_participants WHERE session_id = :session AND delete_at IS NULL
                ORDER BY created_at, id""").param("session", sessionId).query(String.class).list();
    }

    private TrainingSessionOut row(ResultSet rs, int i) throws SQLException {
        return new TrainingSessionOut(rs.getString("id"), rs.getString("training_id"), (Integer) rs.getObject("center_id"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                rs.getObject("registration_deadline", LocalDate.class), (Integer) rs.getObject("available_slots"),
                rs.getString("status"), rs.getBigDecimal("registration_fee"), rs.getBigDecimal("training_fee"),
                rs.getString("currency"), Rows.json(mapper, rs.getString("required_attachments"), new TypeReference<List<String>>() {}),
                Rows.json(mapper, rs.getString("installment_percentage"), new TypeReference<List<BigDecimal>>() {}),
                (Integer) rs.getObject("moodle_course_id"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static SqlWhere where(Filter f) {
        return SqlWhere.of("s.delete_at IS NULL")
                .and("s.training_id = ?", f.trainingId())
                .and("s.center_id = ?", f.centerId())
                .and("s.status = ?", f.status());
    }
}
