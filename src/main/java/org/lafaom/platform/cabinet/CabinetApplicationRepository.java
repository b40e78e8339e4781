package org.lafaom.platform.cabinet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lafaom.platform.cabinet.CabinetViews.CabinetApplicationOut;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over the legacy {@code cabinet_applications} table. {@code status} and {@code payment_status}
 * are native enums ({@code cabinetapplicationstatus}, {@code paymentstatus}) holding the upper-case
 * member names: written with a cast, read as text and shown in lower case. Amounts are
 * {@code double precision} columns, read as decimals. {@code payment_date} has no zone: UTC.
 */
@Repository
class CabinetApplicationRepository {

    static final List<String> STATUSES = List.of("pending", "paid", "approved", "rejected", "cancelled");

    private static final String COLUMNS = """
            SELECT id, company_name, contact_email, contact_phone, address, registration_number, experience_years, qualifications,
                   technical_proposal, financial_proposal, "references", status::text AS status, payment_status::text AS payment_status,
                   payment_reference, payment_amount, payment_currency, payment_date, account_created, credentials_sent, created_at,
                   updated_at, rejection_reason, campaign_id, user_id, payment_id, coalesce(lang, 'fr') AS lang
            FROM cabinet_applications""";

    /** A row as the module works with it; {@link #out()} is what the routes answer. */
    record Application(
            String id, String companyName, String contactEmail, String contactPhone, String address, String registrationNumber,
            int experienceYears, String qualifications, String technicalProposal, String financialProposal, String references,
            String status, String paymentStatus, String paymentReference, BigDecimal paymentAmount, String paymentCurrency,
            OffsetDateTime paymentDate, boolean accountCreated, boolean credentialsSent, OffsetDateTime createdAt,
            OffsetDateTime updatedAt, String rejectionReason, String campaignId, String userId, String paymentId, String lang) {

        boolean paid() {
            return "paid".equals(paymentStatus);
        }

        /** Not paid and not decided: a new submission of its e-mail may pay it again. */
        boolean awaitingPayment() {
            return "pending".equals(status) && ("pending".equals(paymentStatus) || "failed".equals(paymentStatus));
        }

        CabinetApplicationOut out() {
            return new CabinetApplicationOut(companyName, contactEmail, contactPhone, address, registrationNumber, experienceYears,
                    qualifications, technicalProposal, financialProposal, references, id, status, paymentStatus, paymentReference,
                    paymentAmount, paymentCurrency, paymentDate, accountCreated, credentialsSent, createdAt, updatedAt, null,
                    rejectionReason, campaignId, null);
        }
    }

    record NewApplication(
            String id, String companyName, String contactEmail, String contactPhone, String address, String registrationNumber,
            int experienceYears, String qualifications, String technicalProposal, String financialProposal, String references,
            BigDecimal amount, String currency, String campaignId, String lang, String tokenHash) {}

    private final JdbcClient jdbc;

    CabinetApplicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises applications for one e-mail until the transaction ends (two tabs submitting at once). */
    void lockEmail(String email) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('cabinet-application:' || :e))").param("e", email)
                .query(Object.class).single();
    }

    void insert(NewApplication a) {
        jdbc.sql("""
                INSERT INTO cabinet_applications (id, created_at, updated_at, company_name, contact_email, contact_phone, address,
                    registration_number, experience_years, qualifications, technical_proposal, financial_proposal, "references",
                    status, payment_status, payment_amount, payment_currency, account_created, credentials_sent, campaign_id, lang,
                    access_token_hash)
                VALUES (:id, now(), now(), :companyName, :contactEmail, :contactPhone, :address, :registrationNumber,
                    :experienceYears, :qualifications, :technicalProposal, :financialProposal, :references,
                    CAST('PENDING' AS cabinetapplicationstatus), CAST('PENDING' AS paymentstatus), :amount, :currency, false, false,
                    :campaignId, :lang, :tokenHash)""")
                .param("id", a.id()).param("companyName", a.companyName()).param("contactEmail", a.contactEmail())
                .param("contactPhone", a.contactPhone()).param("address", a.address())
                .param("registrationNumber", a.registrationNumber()).param("experienceYears", a.experienceYears())
                .param("qualifications", a.qualifications()).param("technicalProposal", a.technicalProposal())
                .param("financialProposal", a.financialProposal()).param("references", a.references())
                .param("amount", a.amount().doubleValue()).param("currency", a.currency()).param("campaignId", a.campaignId())
                .param("lang", a.lang()).param("tokenHash", a.tokenHash())
                .update();
    }

    Optional<Application> find(String id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id AND delete_at IS NULL").param("id", id).query(this::row).optional();
    }

    /** The row locked until the end of the transaction: decisions and settlement queue here. */
    Optional<Application> lock(String id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id AND delete_at IS NULL FOR UPDATE").param("id", id).query(this::row).optional();
    }

    /** Any row of this e-mail, case-insensitively (the legacy unique constraint holds the exact text). */
    Optional<Application> findByEmail(String email) {
        return jdbc.sql(COLUMNS + " WHERE lower(contact_email) = lower(:e) ORDER BY delete_at NULLS FIRST, created_at DESC LIMIT 1")
                .param("e", email.trim()).query(this::row).optional();
    }

    boolean tokenMatches(String id, String tokenHash) {
        return jdbc.sql("SELECT count(*) FROM cabinet_applications WHERE id = :id AND access_token_hash = :h AND delete_at IS NULL")
                .param("id", id).param("h", tokenHash).query(Long.class).single() > 0;
    }

    void setTokenHash(String id, String tokenHash) {
        jdbc.sql("UPDATE cabinet_applications SET access_token_hash = :h WHERE id = :id").param("h", tokenHash).param("id", id)
                .update();
    }

    /** Newest first; {@code status} is an upper-case member name or null for all. */
    List<Application> list(String status, int skip, int limit) {
        return jdbc.sql(COLUMNS + " WHERE delete_at IS NULL AND (CAST(:s AS text) IS NULL OR status = CAST(:s AS cabinetapplicationstatus))"
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :skip")
                .param("s", status).param("limit", limit).param("skip", skip).query(this::row).list();
    }

    /** Paid applications, most recent payment first. */
    List<Application> paid(int skip, int limit) {
        return jdbc.sql(COLUMNS + " WHERE delete_at IS NULL AND payment_status = CAST('PAID' AS paymentstatus)"
                        + " ORDER BY payment_date DESC NULLS LAST, created_at DESC, id LIMIT :limit OFFSET :skip")
                .param("limit", limit).param("skip", skip).query(this::row).list();
    }

    /** The applications of a signed-in firm: linked to its account, or made with its (verified) e-mail. */
    List<Application> owned(String userId, String email, int skip, int limit) {
        return jdbc.sql(COLUMNS + " WHERE delete_at IS NULL AND (user_id = :u OR lower(contact_email) = lower(:e))"
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :skip")
                .param("u", userId).param("e", email == null ? "" : email).param("limit", limit).param("skip", skip)
                .query(this::row).list();
    }

    /** Applies changes; column names come from code, never from input. */
    void update(String id, Map<String, Object> changes) {
        if (changes.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("UPDATE cabinet_applications SET updated_at = now()");
        changes.keySet().forEach(c -> sql.append(", ").append(c.equals("references") ? "\"references\"" : c).append(" = :").append(c));
        jdbc.sql(sql + " WHERE id = :id").params(changes).param("id", id).update();
    }

    /** A new payment attempt: its price (which may have changed since) and its transaction. */
    void repriced(String id, BigDecimal amount, String currency, String campaignId) {
        jdbc.sql("""
                UPDATE cabinet_applications SET payment_amount = :a, payment_currency = :c, campaign_id = :campaign,
                    payment_status = CAST('PENDING' AS paymentstatus), updated_at = now() WHERE id = :id""")
                .param("a", amount.doubleValue()).param("c", currency).param("campaign", campaignId).param("id", id).update();
    }

    void setPaymentReference(String id, String transactionId) {
        jdbc.sql("UPDATE cabinet_applications SET payment_reference = :tx, updated_at = now() WHERE id = :id")
                .param("tx", transactionId).param("id", id).update();
    }

    /**
     * Records the settled payment once: payment paid, application paid unless staff already
     * decided it, payment date and ids. False when it already points to a payment (or is gone).
     */
    boolean markPaid(String id, String paymentId, String transactionId, OffsetDateTime paidAt) {
        return jdbc.sql("""
                UPDATE cabinet_applications SET payment_status = CAST('PAID' AS paymentstatus),
                    status = CASE WHEN status = CAST('PENDING' AS cabinetapplicationstatus)
                                  THEN CAST('PAID' AS cabinetapplicationstatus) ELSE status END,
                    payment_id = :p, payment_reference = :tx, payment_date = :at, updated_at = now()
                WHERE id = :id AND payment_id IS NULL AND delete_at IS NULL""")
                .param("p", paymentId).param("tx", transactionId)
                .param("at", paidAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()).param("id", id).update() == 1;
    }

    void linkAccount(String id, String userId, boolean credentialsSent) {
        jdbc.sql("""
                UPDATE cabinet_applications SET user_id = :u, account_created = true,
                    credentials_sent = credentials_sent OR :sent, updated_at = now() WHERE id = :id""")
                .param("u", userId).param("sent", credentialsSent).param("id", id).update();
    }

    /** Staff decision; {@code status} is an upper-case member name. */
    void decide(String id, String status, String reason, String staffId) {
        jdbc.sql("""
                UPDATE cabinet_applications SET status = CAST(:s AS cabinetapplicationstatus), rejection_reason = :r,
                    decided_at = now(), decided_by = :by, updated_at = now() WHERE id = :id""")
                .param("s", status).param("r", reason).param("by", staffId).param("id", id).update();
    }

    void setProposalDocument(String id, String path) {
        jdbc.sql("UPDATE cabinet_applications SET proposal_document_path = :p, updated_at = now() WHERE id = :id")
                .param("p", path).param("id", id).update();
    }

    record Counts(long total, long pending, long paid, long approved, long rejected) {}

    Counts counts() {
        return jdbc.sql("""
                SELECT count(*) AS total,
                       count(*) FILTER (WHERE status = CAST('PENDING' AS cabinetapplicationstatus)) AS pending,
                       count(*) FILTER (WHERE payment_status = CAST('PAID' AS paymentstatus)) AS paid,
                       count(*) FILTER (WHERE status = CAST('APPROVED' AS cabinetapplicationstatus)) AS approved,
                       count(*) FILTER (WHERE status = CAST('REJECTED' AS cabinetapplicationstatus)) AS rejected
                FROM cabinet_applications WHERE delete_at IS NULL""").query(Counts.class).single();
    }

    /** Paid fees per currency, largest total first. */
    Map<String, BigDecimal> revenueByCurrency() {
        Map<String, BigDecimal> revenue = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT upper(payment_currency) AS currency, sum(payment_amount::numeric) AS total FROM cabinet_applications
                WHERE delete_at IS NULL AND payment_status = CAST('PAID' AS paymentstatus)
                GROUP BY upper(payment_currency) ORDER BY total DESC, currency""")
                .query((rs, i) -> revenue.put(rs.getString("currency"), money(rs.getBigDecimal("total")))).list();
        return revenue;
    }

    static String dbStatus(String apiValue) {
        return apiValue.trim().toUpperCase(Locale.ROOT);
    }

    static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    private Application row(ResultSet rs, int i) throws SQLException {
        LocalDateTime paymentDate = rs.getObject("payment_date", LocalDateTime.class);
        return new Application(rs.getString("id"), rs.getString("company_name"), rs.getString("contact_email"),
                rs.getString("contact_phone"), rs.getString("address"), rs.getString("registration_number"),
                rs.getInt("experience_years"), rs.getString("qualifications"), rs.getString("technical_proposal"),
                rs.getString("financial_proposal"), rs.getString("references"), lower(rs.getString("status")),
                lower(rs.getString("payment_status")), rs.getString("payment_reference"), money(rs.getBigDecimal("payment_amount")),
                rs.getString("payment_currency"), paymentDate == null ? null : paymentDate.atOffset(ZoneOffset.UTC),
                rs.getBoolean("account_created"), rs.getBoolean("credentials_sent"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getString("rejection_reason"), rs.getString("campaign_id"),
                rs.getString("user_id"), rs.getString("payment_id"), rs.getString("lang"));
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
