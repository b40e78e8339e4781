package org.lafaom.platform.payments;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one path by which a payment changes state, whoever asks (a notification, the public
 * check-status route, reconciliation): ask CinetPay's check call, then, holding the payment's row
 * lock, apply what it said if the payment is still open. Concurrent confirmations of one payment
 * queue on the lock; the first applies the answer, the others find it settled and do nothing, so
 * {@link PaymentSettled} is published once. Nothing the caller sends is trusted.
 */
@Service
class PaymentSettlement {

    static final String ABANDONED = "abandoned";

    private static final Logger log = LoggerFactory.getLogger(PaymentSettlement.class);

    private final PaymentRepository payments;
    private final CinetPayClient cinetpay;
    private final PaymentsProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final Clock clock;

    PaymentSettlement(PaymentRepository payments, CinetPayClient cinetpay, PaymentsProperties properties,
            TransactionTemplate transactions, ApplicationEventPublisher events, MeterRegistry meters, Clock clock) {
        this.payments = payments;
        this.cinetpay = cinetpay;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Confirms the payment with CinetPay and applies the answer; returns its status afterwards, or
     * empty for an unknown transaction. Throws {@link CinetPayClient.Unavailable} when CinetPay
     * cannot be asked: nothing changed, ask again later.
     */
    Optional<String> confirm(String transactionId, String trigger) {
        Optional<PaymentRepository.Settleable> found = payments.find(transactionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PaymentRepository.Settleable payment = found.get();
        if (!open(payment)) {
            return Optional.of(payment.status());
        }
        if (!properties.cinetpay().hasCredentials()) {
            throw new CinetPayClient.Unavailable("CINETPAY_API_KEY and CINETPAY_SITE_ID are not set");
        }
        CinetPayClient.Check check = cinetpay.check(transactionId);
        return Optional.ofNullable(transactions.execute(status -> apply(payment.id(), check, trigger)));
    }

    Optional<PaymentRepository.Settleable> find(String transactionId) {
        return payments.find(transactionId);
    }

    /** Still open to a CinetPay answer: pending, or given up on by us (a late acceptance still counts). */
    static boolean open(PaymentRepository.Settleable payment) {
        return PaymentRepository.PENDING.equals(payment.status()) || payment.abandoned();
    }

    private String apply(String paymentId, CinetPayClient.Check check, String trigger) {
        PaymentRepository.Settleable payment = payments.lock(paymentId).orElseThrow();
        if (!open(payment)) {
            return payment.status();
        }
        CheckDecision decision = CheckDecision.of(check, payment.expectedAmount(), payment.expectedCurrency());
        switch (decision.outcome()) {
            case ACCEPT -> {
                return accept(payment, check, trigger);
            }
            case MISMATCH -> {
                log.error("Payment {} NOT settled: {} (CinetPay {} {}); a person must look at it", payment.transactionId(),
                        decision.reason(), check.code(), check.status());
                return finish(payment, "error", decision.reason(), check, trigger);
            }
            case REFUSE, CANCEL -> {
                if (payment.abandoned()) {
                    return payment.status();
                }
                return finish(payment, decision.outcome() == CheckDecision.Outcome.REFUSE ? "refused" : "cancelled",
                        decision.reason(), check, trigger);
            }
            default -> {
                return stillPending(payment, decision.reason());
            }
        }
    }

    private String accept(PaymentRepository.Settleable payment, CinetPayClient.Check check, String trigger) {
        if (payments.otherAccepted(payment.payableType(), payment.payableId(), payment.id())) {
            // The customer paid twice (an abandoned link paid late, say): the money is recorded, the
            // payable is not settled again, and staff refund the extra payment.
            String reason = "duplicate: " + payment.payableType() + " " + payment.payableId() + " was already paid; refund this payment";
            log.error("Payment {} accepted but {}", payment.transactionId(), reason);
            meters.counter("lafaom.payments.duplicates").increment();
            return finish(payment, PaymentRepository.ACCEPTED, reason, check, trigger);
        }
        finish(payment, PaymentRepository.ACCEPTED, null, check, trigger);
        events.publishEvent(new PaymentSettled(payment.id(), payment.transactionId(), payment.payableType(), payment.payableId(),
                payment.amount(), payment.productCurrency(), payment.expectedAmount(), payment.expectedCurrency(), now()));
        log.info("Payment {} settled for {} {} ({} {})", payment.transactionId(), payment.payableType(), payment.payableId(),
                check.amount(), check.currency());
        return PaymentRepository.ACCEPTED;
    }

    private String finish(PaymentRepository.Settleable payment, String status, String reason, CinetPayClient.Check check,
            String trigger) {
        payments.markFinal(payment, status, reason, check);
        meters.counter("lafaom.payments.settled", "status", status, "trigger", trigger).increment();
        if (!PaymentRepository.ACCEPTED.equals(status)) {
            log.info("Payment {} is {}: {}", payment.transactionId(), status, reason);
        }
        return status;
    }

    private String stillPending(PaymentRepository.Settleable payment, String providerStatus) {
        if (payment.abandoned()) {
            return payment.status();
        }
        Duration age = Duration.between(payment.createdAt().toInstant(), clock.instant());
        if (age.compareTo(properties.reconciliation().abandonAfter()) > 0) {
            String reason = ABANDONED + ": still " + providerStatus + " after " + age.toHours() + " h";
            payments.abandon(payment.id(), reason);
            meters.counter("lafaom.payments.settled", "status", "cancelled", "trigger", "abandoned").increment();
            log.info("Payment {} given up: {}", payment.transactionId(), reason);
            return "cancelled";
        }
        payments.recordCheck(payment.id(), providerStatus, nextCheck(payment.checkCount()));
        return payment.status();
    }

    /** The delay before the next check doubles from the first check's delay up to the maximum. */
    OffsetDateTime nextCheck(int checksSoFar) {
        Duration first = properties.reconciliation().minAge().isZero() ? Duration.ofSeconds(30) : properties.reconciliation().minAge();
        BigInteger factor = BigInteger.TWO.pow(Math.min(checksSoFar, 20));
        Duration delay = first.multipliedBy(factor.longValue());
        if (delay.compareTo(properties.reconciliation().maxDelay()) > 0) {
            delay = properties.reconciliation().maxDelay();
        }
        return now().plus(delay);
    }

    /** Puts off the next check of a payment CinetPay could not be asked about. */
    void postpone(String transactionId) {
        payments.find(transactionId).ifPresent(p -> payments.postpone(p.id(), nextCheck(p.checkCount())));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
