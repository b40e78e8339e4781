package org.lafaom.platform.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.PageResponse;
import org.lafaom.platform.shared.SqlPatterns;
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
        StringBuilder where = new StringBuilder(" WHERE p.delete_at IS NULL");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.search() != null && !filter.search().isBlank()) {
            where.append(" AND (p.transaction_id ILIKE :search ESCAPE '\\' OR p.payable_type ILIKE :search ESCAPE '\\'"
                    + " OR p.payment_type ILIKE :search ESCAPE '\\' OR p.product_currency ILIKE :search ESCAPE '\\')");
            params.put("search", SqlPatterns.contains(filter.search()));
        }
        if (filter.minAmount() != null) {
            where.append(" AND coalesce(p.amount, p.product_amount::numeric) >= :min");
            params.put("min", filter.minAmount());
        }
        if (filter.maxAmount() != null) {
            where.append(" AND coalesce(p.amount, p.product_amount::numeric) <= :max");
            params.put("max", filter.maxAmount());
        }
        if (filter.currency() != null && !filter.currency().isBlank()) {
            where.append(" AND upper(p.product_currency) = upper(:currency)");
            params.put("currency", filter.currency().trim());
        }
        if (filter.status() != null && !filter.status().isBlank()) {
            where.append(" AND lower(p.status) = lower(:status)");
            params.put("status", filter.status().trim());
        }
        if (filter.dateFrom() != null) {
            where.append(" AND p.created_at >= :from");
            params.put("from", filter.dateFrom());
        }
        if (filter.dateTo() != null) {
            where.append(" AND p.created_at < :to");
            params.put("to", filter.dateTo().plusDays(1));
        }
        String order = (page.orderBy().equals("amount") ? "coalesce(p.amount, p.product_amount::numeric)" : "p.created_at")
                + (page.ascending() ? " ASC" : " DESC") + ", p.id ASC";
        List<PaymentOut> rows = jdbc.sql(COLUMNS + where + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.pageSize()).param("offset", page.offset())
                .query(PaymentOut.class).list();
        long total = jdbc.sql("SELECT count(*) FROM payments p" + where).params(params).query(Long.class).single();
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
