package org.lafaom.platform.jobs;

import java.util.Optional;
import org.lafaom.platform.payments.PayableType;
import org.lafaom.platform.payments.PaymentSettled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Settles a job application's fee: runs inside the payment's settling transaction, so the
 * application's {@code payment_id} and the candidate's confirmation e-mail commit with it, once.
 */
@Component
class JobPaymentListener {

    private static final Logger log = LoggerFactory.getLogger(JobPaymentListener.class);

    private final JobApplicationRepository applications;
    private final JobApplications jobApplications;

    JobPaymentListener(JobApplicationRepository applications, JobApplications jobApplications) {
        this.applications = applications;
        this.jobApplications = jobApplications;
    }

    @EventListener
    void on(PaymentSettled payment) {
        if (!PayableType.JOB_APPLICATION.equals(payment.payableType())) {
            return;
        }
        Optional<Integer> applicationId = payment.payableIntId();
        if (applicationId.isEmpty()) {
            log.error("Payment {} settles job application '{}', which is not an application id", payment.transactionId(),
                    payment.payableId());
            return;
        }
        int id = applicationId.get();
        if (applications.markPaid(id, payment.paymentId())) {
            jobApplications.sendConfirmation(id);
        } else {
            log.warn("Payment {} settles job application {}, which is gone or already paid", payment.transactionId(), id);
        }
    }
}
