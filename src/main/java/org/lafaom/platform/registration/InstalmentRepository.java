package org.lafaom.platform.registration;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over the legacy {@code training_fee_installment_payments} table. An instalment row is written
 * with its payment attempt and counts as paid once its {@code payment_id} is set; rows of abandoned
 * attempts stay, unpaid, as a trace. Amounts of the old backend (doubles only) are read as numerics.
 */
@Repository
class InstalmentRepository {

    private static final String AMOUNT = "coalesce(i.exact_amount, round(i.amount::numeric, 2))";

    private final JdbcClient jdbc;

    InstalmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Instalment(
            int id, int applicationId, String sessionId, String userId, String paymentId, int installmentNumber, BigDecimal amount,
            String currency) {}

    /** What is paid so far on an application: the sum and the number of paid instalments. */
    record Paid(BigDecimal total, int count) {}

    Paid paid(int applicationId) {
        return jdbc.sql("SELECT coalesce(sum(" + AMOUNT + "), 0) AS total, count(*) AS count FROM training_fee_installment_payments i"
                        + " WHERE i.application_id = :app AND i.payment_id IS NOT NULL AND i.delete_at IS NULL")
                .param("app", applicationId).query(Paid.class).single();
    }

    /** Instalments whose payment has not been confirmed (in flight, abandoned or refused). */
    List<Integer> unpaid(int applicationId) {
        return jdbc.sql("SELECT id FROM training_fee_installment_payments WHERE application_id = :app AND payment_id IS NULL"
                        + " AND delete_at IS NULL ORDER BY id DESC")
                .param("app", applicationId).query(Integer.class).list();
    }

    int insert(int applicationId, String sessionId, String userId, int number, BigDecimal amount, BigDecimal restToPay, String currency) {
        return jdbc.sql("""
                INSERT INTO training_fee_installment_payments (created_at, updated_at, "User_id", training_session_id, application_id,
                    installment_number, amount, rest_to_pay, currency, exact_amount, exact_rest_to_pay)
                VALUES (now(), now(), :user, :session, :app, :number, :amount, :rest, :currency, :amount, :rest)
                RETURNING id""")
                .param("user", userId).param("session", sessionId).param("app", applicationId).param("number", number)
                .param("amount", amount).param("rest", restToPay).param("currency", currency)
                .query(Integer.class).single();
    }

    Optional<Instalment> find(int id) {
        return jdbc.sql("SELECT i.id, i.application_id, i.training_session_id AS session_id, i.\"User_id\" AS user_id, i.payment_id,"
                        + " i.installment_number, " + AMOUNT + " AS amount, i.currency FROM training_fee_installment_payments i"
                        + " WHERE i.id = :id")
                .param("id", id).query(Instalment.class).optional();
    }

    /** Records the instalment's payment once, with what is left to pay after it; false if already paid. */
    boolean markPaid(int id, String paymentId, BigDecimal restToPay) {
        return jdbc.sql("""
                UPDATE training_fee_installment_payments SET payment_id = :payment, rest_to_pay = :rest, exact_rest_to_pay = :rest,
                    updated_at = now()
                WHERE id = :id AND payment_id IS NULL""")
                .param("payment", paymentId).param("rest", restToPay).param("id", id).update() == 1;
    }
}
