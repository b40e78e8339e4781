package org.lafaom.platform.jobs;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lafaom.platform.jobs.JobViews.JobApplicationOut;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.SqlWhere;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over the legacy {@code job_applications} table. Its {@code status} is the native enum
 * {@code applicationstatusenum} holding RECEIVED, REFUSED or APPROVED: written with a cast, read as
 * text. An application is paid when it points to a payment, or when there was nothing to pay.
 */
@Repository
class JobApplicationRepository {

    static final String PAID = "(a.payment_id IS NOT NULL OR coalesce(a.submission_fee, 0) = 0)";

    private static final String COLUMNS = """
            SELECT a.id, a.job_offer_id, a.application_number, a.status::text AS status, a.refusal_reason, a.submission_fee,
                   a.currency, a.payment_id, %s AS is_paid, a.email, a.phone_number, a.first_name, a.last_name, a.civility,
                   a.country_code, a.city, a.address, a.date_of_birth, a.created_at, a.updated_at
            FROM job_applications a""".formatted(PAID);

    /** What an e-mail to the candidate needs. */
    record Candidate(int id, String email, String firstName, String lastName, String lang, String applicationNumber,
            String jobTitle, String status, String refusalReason) {

        String name() {
            return (firstName + " " + lastName).trim();
        }
    }

    record NewApplication(String jobOfferId, String applicationNumber, BigDecimal submissionFee, String currency, String email,
            String phoneNumber, String firstName, String lastName, String civility, String city, String address,
            String countryCode, LocalDate dateOfBirth, String lang) {}

    private final JdbcClient jdbc;

    JobApplicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the application unless its number is taken (then empty: the caller picks another number). */
    Optional<Integer> insert(NewApplication a) {
        return jdbc.sql("""
                INSERT INTO job_applications (created_at, updated_at, job_offer_id, application_number, status, submission_fee,
                    currency, email, phone_number, first_name, last_name, civility, city, address, country_code, date_of_birth, lang)
                VALUES (now(), now(), :jobOfferId, :applicationNumber, CAST('RECEIVED' AS applicationstatusenum), :submissionFee,
                    :currency, :email, :phoneNumber, :firstName, :lastName, :civility, :city, :address, :countryCode,
                    :dateOfBirth, :lang)
                ON CONFLICT (application_number) DO NOTHING RETURNING id""")
                .paramSource(a).query(Integer.class).optional();
    }

    long countForOffer(String jobOfferId) {
        return jdbc.sql("SELECT count(*) FROM job_applications WHERE job_offer_id = :o").param("o", jobOfferId)
                .query(Long.class).single();
    }

    Optional<JobApplicationOut> find(int id) {
        return jdbc.sql(COLUMNS + " WHERE a.id = :id AND a.delete_at IS NULL").param("id", id).query(this::row).optional();
    }

    /** The live application with this number and e-mail (the candidate's proof of who they are, with a code). */
    Optional<JobApplicationOut> findByNumberAndEmail(String applicationNumber, String email) {
        return jdbc.sql(COLUMNS + " WHERE a.application_number = :number AND lower(a.email) = lower(:email)"
                        + " AND a.delete_at IS NULL ORDER BY a.id LIMIT 1")
                .param("number", applicationNumber.trim()).param("email", email.trim()).query(this::row).optional();
    }

    Optional<Candidate> candidate(int id) {
        return jdbc.sql("""
                SELECT a.id, a.email, a.first_name, a.last_name, coalesce(a.lang, 'fr') AS lang, a.application_number,
                       o.title AS job_title, a.status::text AS status, a.refusal_reason
                FROM job_applications a JOIN job_offers o ON o.id = a.job_offer_id WHERE a.id = :id""")
                .param("id", id).query(Candidate.class).optional();
    }

    List<JobApplicationOut> list(SqlWhere where, PageRequest page) {
        return where.bind(jdbc.sql(COLUMNS + " JOIN job_offers o ON o.id = a.job_offer_id" + where.sql() + " ORDER BY a."
                        + page.orderBy() + (page.ascending() ? " ASC" : " DESC") + ", a.id LIMIT :limit OFFSET :offset"))
                .param("limit", page.pageSize()).param("offset", page.offset()).query(this::row).list();
    }

    /** Counts with the same join and filters as {@link #list}, so the total matches what is listed. */
    long count(SqlWhere where) {
        return where.bind(jdbc.sql("SELECT count(*) FROM job_applications a JOIN job_offers o ON o.id = a.job_offer_id"
                + where.sql())).query(Long.class).single();
    }

    void setStatus(int id, String status, String reason) {
        jdbc.sql("""
                UPDATE job_applications SET status = CAST(:status AS applicationstatusenum), refusal_reason = :reason,
                    updated_at = now() WHERE id = :id""")
                .param("status", status).param("reason", reason).param("id", id).update();
    }

    /** Records the payment once; false when the application already points to one (or is gone). */
    boolean markPaid(int id, String paymentId) {
        return jdbc.sql("UPDATE job_applications SET payment_id = :p, updated_at = now() WHERE id = :id AND payment_id IS NULL")
                .param("p", paymentId).param("id", id).update() == 1;
    }

    /** Applies the candidate's own changes; column names come from code, never from input. */
    void updateByCandidate(int id, Map<String, Object> changes) {
        if (changes.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("UPDATE job_applications SET updated_at = now()");
        changes.keySet().forEach(c -> sql.append(", ").append(c).append(" = :").append(c));
        jdbc.sql(sql + " WHERE id = :id").params(changes).param("id", id).update();
    }

    void softDelete(int id) {
        jdbc.sql("UPDATE job_applications SET delete_at = now(), updated_at = now() WHERE id = :id").param("id", id).update();
    }

    private JobApplicationOut row(ResultSet rs, int i) throws SQLException {
        return new JobApplicationOut(rs.getInt("id"), rs.getString("job_offer_id"), rs.getString("application_number"),
                rs.getString("status"), rs.getString("refusal_reason"), rs.getBigDecimal("submission_fee"),
                rs.getString("currency"), rs.getString("payment_id"), rs.getBoolean("is_paid"), rs.getString("email"),
                rs.getString("phone_number"), rs.getString("first_name"), rs.getString("last_name"), rs.getString("civility"),
                rs.getString("country_code"), rs.getString("city"), rs.getString("address"),
                rs.getObject("date_of_birth", LocalDate.class), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class), null);
    }
}
