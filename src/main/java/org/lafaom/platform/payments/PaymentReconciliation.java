package org.lafaom.platform.payments;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.lafaom.platform.tasks.BackgroundTasks;
import org.lafaom.platform.tasks.PermanentTaskFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Background confirmation of payments. A verified notification starts a one-time
 * {@value #CONFIRM_TASK} task (retried while CinetPay is down); every
 * {@code lafaom.payments.reconciliation.interval} the {@value #RECONCILE_TASK} task checks the
 * pending payments that are due, so a notification that never came loses nothing. The gauge
 * {@code lafaom.payments.pending} counts pending payments by age.
 */
@Component
class PaymentReconciliation {

    static final String CONFIRM_TASK = "payment-confirm";
    static final String RECONCILE_TASK = "payment-reconcile";

    private static final Logger log = LoggerFactory.getLogger(PaymentReconciliation.class);

    private final PaymentSettlement settlement;
    private final PaymentRepository payments;
    private final PaymentsProperties properties;
    private final Clock clock;
    private final Map<String, AtomicLong> pendingByAge;

    PaymentReconciliation(PaymentSettlement settlement, PaymentRepository payments, PaymentsProperties properties, Clock clock,
            MeterRegistry meters) {
        this.settlement = settlement;
        this.payments = payments;
        this.properties = properties;
        this.clock = clock;
        this.pendingByAge = Map.of("under_15m", new AtomicLong(), "15m_to_1h", new AtomicLong(), "1h_to_24h", new AtomicLong(),
                "over_24h", new AtomicLong());
        pendingByAge.forEach((age, value) -> Gauge.builder("lafaom.payments.pending", value, AtomicLong::get)
                .description("Pending payments by age, as of the last reconciliation run").tag("age", age).register(meters));
    }

    @Configuration(proxyBeanMethods = false)
    static class Tasks {

        @Bean
        OneTimeTask<String> paymentConfirmTask(BackgroundTasks tasks, PaymentSettlement settlement, PaymentsProperties properties) {
            return tasks.define(CONFIRM_TASK, String.class, (instance, context) -> {
                if (!properties.cinetpay().hasCredentials()) {
                    throw new PermanentTaskFailure("CINETPAY_API_KEY and CINETPAY_SITE_ID are not set: cannot confirm payments");
                }
                settlement.confirm(instance.getData(), "notification");
            });
        }

        @Bean
        RecurringTask<Void> paymentReconcileTask(BackgroundTasks tasks, PaymentReconciliation reconciliation,
                PaymentsProperties properties) {
            return tasks.recurring(RECONCILE_TASK, properties.reconciliation().interval(), reconciliation::run);
        }
    }

    /** One pass: check each due pending payment, stop at the first sign that CinetPay is down. */
    void run() {
        try {
            if (!properties.cinetpay().hasCredentials()) {
                return;
            }
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            List<String> due = payments.dueForCheck(now, now.minus(properties.reconciliation().minAge()),
                    properties.reconciliation().batchSize());
            for (String transactionId : due) {
                try {
                    settlement.confirm(transactionId, "reconciliation");
                } catch (CinetPayClient.Unavailable e) {
                    settlement.postpone(transactionId);
                    log.warn("Reconciliation stopped, CinetPay unavailable: {}", e.getMessage());
                    return;
                } catch (RuntimeException e) {
                    // One bad payment (say, a payer listener failing) must not block the others.
                    settlement.postpone(transactionId);
                    log.error("Reconciliation of payment {} failed", transactionId, e);
                }
            }
        } finally {
            refreshGauges();
        }
    }

    private void refreshGauges() {
        PaymentRepository.PendingAges ages = payments.pendingAges();
        pendingByAge.get("under_15m").set(ages.under15m());
        pendingByAge.get("15m_to_1h").set(ages.under1h());
        pendingByAge.get("1h_to_24h").set(ages.under24h());
        pendingByAge.get("over_24h").set(ages.over24h());
    }
}
