package org.lafaom.platform.cabinet;

import org.lafaom.platform.cabinet.CabinetApplicationRepository.Application;
import org.lafaom.platform.payments.PayableType;
import org.lafaom.platform.payments.PaymentSettled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Settles a firm's fee inside the payment's settling transaction (a verified CinetPay ACCEPTED for
 * the amount asked): payment and application paid, payment date and ids recorded, the firm's
 * account opened and its e-mail queued, all committed with the payment's {@code accepted}, once.
 */
@Component
class CabinetPaymentListener {

    private static final Logger log = LoggerFactory.getLogger(CabinetPaymentListener.class);

    private final CabinetApplicationRepository applications;
    private final FirmAccounts accounts;
    private final CabinetMetrics metrics;

    CabinetPaymentListener(CabinetApplicationRepository applications, FirmAccounts accounts, CabinetMetrics metrics) {
        this.applications = applications;
        this.accounts = accounts;
        this.metrics = metrics;
    }

    @EventListener
    void on(PaymentSettled payment) {
        if (!PayableType.CABINET_APPLICATION.equals(payment.payableType())) {
            return;
        }
        String id = payment.payableId().trim();
        if (applications.lock(id).isEmpty()) {
            log.error("Payment {} settles cabinet application {}, which does not exist: refund it from the CinetPay back office",
                    payment.transactionId(), id);
            return;
        }
        if (!applications.markPaid(id, payment.paymentId(), payment.transactionId(), payment.settledAt())) {
            log.warn("Payment {} settles cabinet application {}, which is already paid", payment.transactionId(), id);
            return;
        }
        metrics.count("paid");
        Application paid = applications.find(id).orElseThrow();
        if (!"paid".equals(paid.status())) {
            // Staff rejected it while unpaid; the fee came in afterwards.
            log.warn("Payment {} settles cabinet application {}, which is already {}: no account opened; refund if appropriate",
                    payment.transactionId(), id, paid.status());
            return;
        }
        accounts.ensure(paid);
    }
}
