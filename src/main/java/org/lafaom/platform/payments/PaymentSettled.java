package org.lafaom.platform.payments;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A payment was confirmed by CinetPay (ACCEPTED, amount and currency as asked). Published exactly
 * once per payment, synchronously, inside the transaction that marks it accepted: a listener's
 * writes (the payable's {@code payment_id}, e-mails and other tasks it queues) commit with the
 * settlement, and a listener that throws rolls the settlement back so it is tried again later.
 * Listeners filter on {@link #payableType()}.
 */
public record PaymentSettled(
        String paymentId,
        String transactionId,
        String payableType,
        String payableId,
        BigDecimal amount,
        String currency,
        BigDecimal chargedAmount,
        String chargedCurrency,
        OffsetDateTime settledAt) {

    /**
     * The payable id as the integer it is for job and student applications and instalments
     * (stored as text); empty when it is not one, which a listener should log and skip.
     */
    public Optional<Integer> payableIntId() {
        try {
            return Optional.of(Integer.parseInt(payableId.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
