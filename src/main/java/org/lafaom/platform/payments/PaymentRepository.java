package org.lafaom.platform.payments;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over the legacy {@code payments} and {@code cinetpay_payments} tables. The legacy double
 * precision columns stay filled for the readers that use them; exact amounts live in the numeric
 * columns added by V30 ({@code amount}, {@code charged_amount}, {@code rate}, {@code received_amount}).
 * Legacy rows have those null, so reads fall back to the old columns.
 */
@Repository
class PaymentRepository {

    static final String PENDING = "pending";
    static final String ACCEPTED = "accepted";

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A payment as settlement sees it: what was asked, and where it stands. */
    record Settleable(
            String id, String transactionId, String status, String statusReason, String payableType, String payableId,
            BigDecimal amount, String productCurrency, BigDecimal expectedAmount, String expectedCurrency,
            OffsetDateTime createdAt, OffsetDateTime lastCheckedAt, int checkCount, Integer cinetpayId) {

        boolean abandoned() {
            return "cancelled".equals(status) && statusReason != null && statusReason.startsWith(PaymentSettlement.ABANDONED);
        }
    }

    private static final String SETTLEABLE = """
            SELECT p.id, p.transaction_id, p.status, p.status_reason, p.payable_type, p.payable_id,
                   coalesce(p.amount, p.product_amount::numeric) AS amount, p.product_currency,
                   coalesce(p.charged_amount, c.amount::numeric) AS expected_amount,
                   coalesce(c.currency, p.payment_currency) AS expected_currency,
                   p.created_at, p.last_checked_at, p.check_count, c.id AS cinetpay_id
            FROM payments p LEFT JOIN cinetpay_payments c ON c.transaction_id = p.transaction_id
            """;

    record NewPayment(
            String id, String transactionId, BigDecimal amount, String productCurrency, String paymentCurrency, BigDecimal rate,
            String rateSource, OffsetDateTime rateAt, BigDecimal usdProductRate, BigDecimal usdPaymentRate,
            BigDecimal chargedAmount, String payableType, String payableId, OffsetDateTime nextCheckAt) {}

    int insertCinetPay(String transactionId, BigDecimal chargedAmount, String currency) {
        return jdbc.sql("""
                INSERT INTO cinetpay_payments (created_at, updated_at, transaction_id, amount, amount_received, currency, status)
                VALUES (now(), now(), :tx, :amount, 0, :currency, 'PENDING') RETURNING id""")
                .param("tx", transactionId).param("amount", chargedAmount.doubleValue()).param("currency", currency)
                .query(Integer.class).single();
    }

    void insertPayment(NewPayment p, int cinetpayId) {
        jdbc.sql("""
                INSERT INTO payments (id, created_at, updated_at, transaction_id, product_amount, product_currency,
                    payment_currency, daily_rate, usd_product_currency_rate, usd_payment_currency_rate, status,
                    payable_id, payable_type, payment_type_id, payment_type,
                    amount, charged_amount, rate, rate_source, rate_at, next_check_at)
                VALUES (:id, now(), now(), :tx, :amountDouble, :productCurrency, :paymentCurrency, :rateDouble,
                    :usdProduct, :usdPayment, 'pending', :payableId, :payableType, :cinetpayId, 'CinetPayPayment',
                    :amount, :charged, :rate, :rateSource, :rateAt, :nextCheckAt)""")
                .param("id", p.id()).param("tx", p.transactionId()).param("amountDouble", p.amount().doubleValue())
                .param("productCurrency", p.productCurrency()).param("paymentCurrency", p.paymentCurrency())
                .param("rateDouble", p.rate().doubleValue()).param("usdProduct", p.usdProductRate().doubleValue())
                .param("usdPayment", p.usdPaymentRate().doubleValue()).param("payableId", p.payableId())
                .param("payableType", p.payableType()).param("cinetpayId", String.valueOf(cinetpayId))
                .param("amount", p.amount()).param("charged", p.chargedAmount()).param("rate", p.rate())
                .param("rateSource", p.rateSource()).param("rateAt", p.rateAt()).param("nextCheckAt", p.nextCheckAt())
                .update();
    }

    void recordOpened(int cinetpayId, CinetPayClient.Opened opened) {
        jdbc.sql("""
                UPDATE cinetpay_payments SET payment_url = :url, payment_token = :token, api_response_id = :api, updated_at = now()
                WHERE id = :id""")
                .param("url", opened.paymentUrl()).param("token", opened.paymentToken()).param("api", opened.apiResponseId())
                .param("id", cinetpayId).update();
    }

    /** The transaction id of a payment of this payable in the given status, if any. */
    Optional<String> transactionOf(String payableType, String payableId, String status) {
        return jdbc.sql("""
                SELECT transaction_id FROM payments
                WHERE payable_type = :type AND payable_id = :id AND status = :status AND delete_at IS NULL
                ORDER BY created_at DESC LIMIT 1""")
                .param("type", payableType).param("id", payableId).param("status", status)
                .query(String.class).optional();
    }

    /** The open (pending) payment of this payable, with where CinetPay takes the customer. */
    record Open(String transactionId, BigDecimal amount, String paymentUrl) {}

    Optional<Open> open(String payableType, String payableId) {
        return jdbc.sql("""
                SELECT p.transaction_id, coalesce(p.amount, p.product_amount::numeric) AS amount, c.payment_url
                FROM payments p JOIN cinetpay_payments c ON c.transaction_id = p.transaction_id
                WHERE p.payable_type = :type AND p.payable_id = :id AND p.status = 'pending' AND p.delete_at IS NULL
                  AND c.payment_url IS NOT NULL
                ORDER BY p.created_at DESC LIMIT 1""")
                .param("type", payableType).param("id", payableId)
                .query(Open.class).optional();
    }

    boolean otherAccepted(String payableType, String payableId, String exceptId) {
        return jdbc.sql("""
                SELECT count(*) FROM payments WHERE payable_type = :type AND payable_id = :id AND status = 'accepted'
                  AND id <> :except AND delete_at IS NULL""")
                .param("type", payableType).param("id", payableId).param("except", exceptId)
                .query(Long.class).single() > 0;
    }

    Optional<Settleable> find(String transactionId) {
        return jdbc.sql(SETTLEABLE + " WHERE p.transaction_id = :tx AND p.delete_at IS NULL")
                .param("tx", transactionId).query(Settleable.class).optional();
    }

    /** The payment, locked until the end of the transaction: concurrent settlements queue here. */
    Optional<Settleable> lock(String paymentId) {
        return jdbc.sql(SETTLEABLE + " WHERE p.id = :id FOR UPDATE OF p")
                .param("id", paymentId).query(Settleable.class).optional();
    }

    void markFinal(Settleable p, String status, String reason, CinetPayClient.Check check) {
        jdbc.sql("""
                UPDATE payments SET status = :status, status_reason = :reason, provider_status = :providerStatus,
                    received_amount = :received, settled_at = CASE WHEN :status = 'accepted' THEN now() END,
                    last_checked_at = now(), check_count = check_count + 1, next_check_at = NULL, updated_at = now()
                WHERE id = :id""")
                .param("status", status).param("reason", truncate(reason)).param("providerStatus", check.status())
                .param("received", check.amount()).param("id", p.id()).update();
        if (p.cinetpayId() != null) {
            jdbc.sql("""
                    UPDATE cinetpay_payments SET status = :status, amount_received = :received, payment_method = :method,
                        operator_id = :operator, error_code = :errorCode, updated_at = now()
                    WHERE id = :id""")
                    .param("status", status)
                    .param("received", check.amount() == null ? 0.0 : check.amount().doubleValue())
                    .param("method", check.paymentMethod()).param("operator", check.operatorId())
                    .param("errorCode", "accepted".equals(status) ? null : check.code())
                    .param("id", p.cinetpayId()).update();
        }
    }

    /** A payment with no final answer yet, or marked as given up on. */
    void recordCheck(String paymentId, String providerStatus, OffsetDateTime nextCheckAt) {
        jdbc.sql("""
                UPDATE payments SET provider_status = :providerStatus, last_checked_at = now(), check_count = check_count + 1,
                    next_check_at = :next, updated_at = now()
                WHERE id = :id""")
                .param("providerStatus", truncate(providerStatus)).param("next", nextCheckAt).param("id", paymentId).update();
    }

    void abandon(String paymentId, String reason) {
        jdbc.sql("""
                UPDATE payments SET status = 'cancelled', status_reason = :reason, last_checked_at = now(),
                    check_count = check_count + 1, next_check_at = NULL, updated_at = now()
                WHERE id = :id AND status = 'pending'""")
                .param("reason", truncate(reason)).param("id", paymentId).update();
    }

    void postpone(String paymentId, OffsetDateTime nextCheckAt) {
        jdbc.sql("UPDATE payments SET next_check_at = :next WHERE id = :id")
                .param("next", nextCheckAt).param("id", paymentId).update();
    }

    /** Pending CinetPay payments whose next check is due, oldest first. */
    List<String> dueForCheck(OffsetDateTime now, OffsetDateTime createdBefore, int limit) {
        return jdbc.sql("""
                SELECT transaction_id FROM payments
                WHERE status = 'pending' AND payment_type = 'CinetPayPayment' AND delete_at IS NULL
                  AND coalesce(next_check_at, created_at) <= :now AND created_at <= :createdBefore
                ORDER BY coalesce(next_check_at, created_at) LIMIT :limit""")
                .param("now", now).param("createdBefore", createdBefore).param("limit", limit)
                .query(String.class).list();
    }

    record PendingAges(long under15m, long under1h, long under24h, long over24h) {}

    PendingAges pendingAges() {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE created_at > now() - interval '15 minutes') AS under15m,
                       count(*) FILTER (WHERE created_at <= now() - interval '15 minutes' AND created_at > now() - interval '1 hour') AS under1h,
                       count(*) FILTER (WHERE created_at <= now() - interval '1 hour' AND created_at > now() - interval '24 hours') AS under24h,
                       count(*) FILTER (WHERE created_at <= now() - interval '24 hours') AS over24h
                FROM payments WHERE status = 'pending' AND delete_at IS NULL""")
                .query((rs, i) -> new PendingAges(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
