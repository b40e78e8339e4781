package org.lafaom.platform.registration;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import org.lafaom.platform.registration.ApplicationViews.ApplicationOut;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.SqlWhere;
import org.lafaom.platform.training.TrainingSessions.SessionTerms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over the legacy {@code student_applications} table. List views join the training, session
 * and user tables read-only, so that search covers names and titles in one query.
 */
@Repository
class ApplicationRepository {

    private static final String COLUMNS = "a.id, a.user_id, a.training_id, a.target_session_id, a.application_number, a.status, "
            + "a.refusal_reason, a.registration_fee, a.training_fee, a.currency, a.installment_percentage::text AS installment_percentage, "
            + "a.payment_id, a.created_at, a.updated_at";

    private static final String LIST = """
            SELECT a.id, a.user_id, a.training_id, a.target_session_id, a.application_number, a.status, a.payment_id,
                   a.refusal_reason, a.registration_fee, a.training_fee, a.currency, t.title AS training_title,
                   s.start_date AS training_session_start_date, s.end_date AS training_session_end_date,
                   u.email AS user_email, u.first_name AS user_first_name, u.last_name AS user_last_name, a.created_at, a.updated_at
            FROM student_applications a
            JOIN users u ON u.id = a.user_id
            JOIN trainings t ON t.id = a.training_id
            JOIN training_sessions s ON s.id = a.target_session_id""";

    private static final String COUNT = """
            SELECT count(*) FROM student_applications a
            JOIN users u ON u.id = a.user_id
            JOIN trainings t ON t.id = a.training_id""";

    private final JdbcClient jdbc;

    ApplicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One application as stored; {@code installmentPercentage} is the json text of the column. */
    record Application(
            int id, String userId, String trainingId, String targetSessionId, String applicationNumber, String status,
            String refusalReason, BigDecimal registrationFee, BigDecimal trainingFee, String currency, String installmentPercentage,
            String paymentId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        boolean hasRegistrationFee() {
            return registrationFee != null && registrationFee.signum() > 0;
        }

        boolean paid() {
            return paymentId != null;
        }
    }

    record Filter(String userId, String search, String trainingId, String sessionId, Boolean paid, String status) {}

    Optional<Application> find(int id, String ownerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM student_applications a WHERE a.id = :id AND a.delete_at IS NULL"
                        + (ownerId == null ? "" : " AND a.user_id = :owner"))
                .param("id", id).params(ownerId == null ? java.util.Map.of() : java.util.Map.of("owner", ownerId))
                .query(Application.class).optional();
    }

    /** The row, locked until the transaction ends: status changes of one application happen one at a time. */
    Optional<Application> lock(int id, String ownerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM student_applications a WHERE a.id = :id AND a.delete_at IS NULL"
                        + (ownerId == null ? "" : " AND a.user_id = :owner") + " FOR UPDATE")
                .param("id", id).params(ownerId == null ? java.util.Map.of() : java.util.Map.of("owner", ownerId))
                .query(Application.class).optional();
    }

    /** The application if it was created from this address digest since that instant (anonymous follow-up). */
    Optional<Application> findForFollowUp(int id, String addressDigest, OffsetDateTime since, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM student_applications a WHERE a.id = :id AND a.delete_at IS NULL"
                        + " AND a.follow_up_address = :digest AND a.created_at >= :since" + (lock ? " FOR UPDATE" : ""))
                .param("id", id).param("digest", addressDigest).param("since", since)
                .query(Application.class).optional();
    }

    /**
     * Serialises applications of one e-mail address until the transaction ends, so two at once
     * cannot both create the account or both pass the one-live-application check.
     */
    void lockApplicant(String email) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('student-application:' || lower(:email)))")
                .param("email", email.trim()).query(Object.class).list();
    }

    boolean liveApplicationExists(String userId, String sessionId, Integer exceptId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM student_applications WHERE user_id = :user AND target_session_id = :session
                    AND delete_at IS NULL AND status IN ('RECEIVED', 'SUBMITTED', 'APPROVED') AND id <> :except)""")
                .param("user", userId).param("session", sessionId).param("except", exceptId == null ? -1 : exceptId)
                .query(Boolean.class).single();
    }

    /** A readable number from a sequence: {@code APP-TRAIN-2026-000042}. Legacy numbers keep their own shape. */
    String nextNumber() {
        long n = jdbc.sql("SELECT nextval('student_application_number_seq')").query(Long.class).single();
        return "APP-TRAIN-%d-%06d".formatted(Year.now().getValue(), n);
    }

    int insert(String userId, SessionTerms session, String number, String installmentJson, String followUpAddress) {
        return jdbc.sql("""
                INSERT INTO student_applications (created_at, updated_at, user_id, training_id, target_session_id,
                    application_number, status, registration_fee, training_fee, currency, installment_percentage, follow_up_address)
                VALUES (now(), now(), :user, :training, :session, :number, 'RECEIVED', :regFee, :trainFee, :currency,
                    CAST(:installments AS json), :followUp)
                RETURNING id""")
                .param("user", userId).param("followUp", followUpAddress).param("training", session.trainingId()).param("session", session.id())
                .param("number", number).param("regFee", session.registrationFee()).param("trainFee", session.trainingFee())
                .param("currency", session.currency()).param("installments", installmentJson)
                .query(Integer.class).single();
    }

    void moveToSession(int id, SessionTerms session, String installmentJson) {
        jdbc.sql("""
                UPDATE student_applications SET training_id = :training, target_session_id = :session, registration_fee = :regFee,
                    training_fee = :trainFee, currency = :currency, installment_percentage = CAST(:installments AS json),
                    updated_at = now()
                WHERE id = :id""")
                .param("training", session.trainingId()).param("session", session.id()).param("regFee", session.registrationFee())
                .param("trainFee", session.trainingFee()).param("currency", session.currency())
                .param("installments", installmentJson).param("id", id).update();
    }

    void setStatus(int id, String status, String refusalReason) {
        jdbc.sql("UPDATE student_applications SET status = :status, refusal_reason = :reason, updated_at = now() WHERE id = :id")
                .param("status", status).param("reason", refusalReason).param("id", id).update();
    }

    /**
     * Records the payment of the registration fee once; false if the application is unknown or
     * already paid. A withdrawn application still records it: money received is never dropped.
     */
    boolean setPaymentId(int id, String paymentId) {
        return jdbc.sql("""
                UPDATE student_applications SET payment_id = :payment, updated_at = now()
                WHERE id = :id AND payment_id IS NULL""")
                .param("payment", paymentId).param("id", id).update() == 1;
    }

    void softDelete(int id) {
        jdbc.sql("UPDATE student_applications SET delete_at = now(), updated_at = now() WHERE id = :id").param("id", id).update();
    }

    List<String> numbersOf(String userId) {
        return jdbc.sql("SELECT application_number FROM student_applications WHERE user_id = :user AND delete_at IS NULL")
                .param("user", userId).query(String.class).list();
    }

    /**
     * The student's application to the session whose registration is settled (fee paid, or none due
     * and submitted), locked until the transaction ends: its fee payments happen one at a time.
     */
    Optional<Application> lockRegisteredForSession(String userId, String sessionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM student_applications a WHERE a.user_id = :user AND a.target_session_id = :session"
                        + " AND a.delete_at IS NULL AND a.status <> 'REFUSED' AND (a.payment_id IS NOT NULL"
                        + " OR (coalesce(a.registration_fee, 0) = 0 AND a.status IN ('SUBMITTED', 'APPROVED'))) ORDER BY a.id DESC LIMIT 1 FOR UPDATE")
                .param("user", userId).param("session", sessionId).query(Application.class).optional();
    }

    List<ApplicationOut> list(Filter f, PageRequest page) {
        SqlWhere where = where(f);
        return where.bind(jdbc.sql(LIST + where.sql() + " ORDER BY " + page.orderClause("a") + " LIMIT :limit OFFSET :offset"))
                .param("limit", page.pageSize()).param("offset", page.offset()).query(ApplicationOut.class).list();
    }

    long count(Filter f) {
        SqlWhere where = where(f);
        return where.bind(jdbc.sql(COUNT + where.sql())).query(Long.class).single();
    }

    private static SqlWhere where(Filter f) {
        return SqlWhere.of("a.delete_at IS NULL")
                .and("a.user_id = ?", f.userId())
                .search(f.search(), "u.first_name", "u.last_name", "u.email", "t.title", "a.application_number")
                .and("a.training_id = ?", f.trainingId())
                .and("a.target_session_id = ?", f.sessionId())
                .and("a.status = ?", f.status())
                .andIf(Boolean.TRUE.equals(f.paid()), "a.payment_id IS NOT NULL")
                .andIf(Boolean.FALSE.equals(f.paid()), "a.payment_id IS NULL");
    }
}
