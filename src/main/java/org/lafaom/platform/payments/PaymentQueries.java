package org.lafaom.platform.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.PageResponse;
import org.lafaom.platform.shared.SqlWhere;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff reads of payments: the filtered, paginated list and single payments, as {@link PaymentOut}. */
@Repository
class PaymentQueries {

    static final Set<String> ORDERS = Set.of("created_at", "amount");

    private static final String COLUMNS = """
            SELECT p.id, p.transaction_id, coalesce(p.amount, p.product_amount::numeric) AS product_amount, p.product_currency,
                   p.payment_currency, coalesce(p.rate, p.daily_rate::numeric) AS daily_rate,
                   p.usd_product_currency_rate::numeric AS usd_product_currency_rate,
                   p.usd_payment_currency_rate::numeric AS usd_payment_currency_rate, p.status, p.payable_id, p.payable_type,
                   p.payment_type_id, p.payment_type,
                   coalesce(p.charged_amount, (SELECT c.amount::numeric FROM cinetpay_payments c WHERE c.transaction_id = p.transaction_id))
                     AS charged_amount,
                   p.created_at, p.updated_at
            FROM payments p""";

    /** The list filters of the contract; {@code dateTo} includes that whole day. */
    record Filter(String search, BigDecimal minAmount, BigDecimal maxAmount, String currency, String status,
            LocalDate dateFrom, LocalDate dateTo) {}

    private final JdbcClient jdbc;

    PaymentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PageResponse<PaymentOut> list(Filter filter, PageRequest page) {
        SqlWhere where = SqlWhere.of("p.delete_at IS NULL")
                .search(filter.search(), "p.transaction_id", "p.payable_type", "p.payment_type", "p.product_currency")
                .and("coalesce(p.amount, p.product_amount::numeric) >= ?", filter.minAmount())
                .and("coalesce(p.amount, p.product_amount::numeric) <= ?", filter.maxAmount())
                .and("upper(p.product_currency) = upper(?)", filter.currency() == null ? null : filter.currency().trim())
                .and("lower(p.status) = lower(?)", filter.status() == null ? null : filter.status().trim())
                .and("p.created_at >= ?", filter.dateFrom())
                .and("p.created_at < ?", filter.dateTo() == null ? null : filter.dateTo().plusDays(1));
        String order = (page.orderBy().equals("amount") ? "coalesce(p.amount, p.product_amount::numeric)" : "p.created_at")
                + (page.ascending() ? " ASC" : " DESC") + ", p.id ASC";
        List<PaymentOut> rows = where.bind(jdbc.sql(COLUMNS + where.sql() + " ORDER BY " + order + " LIMIT :limit OFFSET :offset"))
                .param("limit", page.pageSize()).param("offset", page.offset())
                .query(PaymentOut.class).list();
        long total = where.bind(jdbc.sql("SELECT count(*) FROM payments p" + where.sql())).query(Long.class).single();
        return PageResponse.of(rows, page, total);
    }

    Optional<PaymentOut> byId(String id) {
        return jdbc.sql(COLUMNS + " WHERE p.id = :id AND p.delete_at IS NULL").param("id", id).query(PaymentOut.class).optional();
    }

    Optional<PaymentOut> byTransaction(String transactionId) {
        return jdbc.sql(COLUMNS + " WHERE p.transaction_id = :tx AND p.delete_at IS NULL")
                .param("tx", transactionId).query(PaymentOut.class).optional();
    }
}
