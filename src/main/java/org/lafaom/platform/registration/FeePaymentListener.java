package org.lafaom.platform.registration;

import java.math.BigDecimal;
import java.util.Optional;
import org.lafaom.platform.payments.PayableType;
import org.lafaom.platform.payments.PaymentSettled;
import org.lafaom.platform.registration.ApplicationRepository.Application;
import org.lafaom.platform.registration.InstalmentRepository.Instalment;
import org.lafaom.platform.training.TrainingSessions;
import org.lafaom.platform.training.TrainingSessions.SessionTerms;
import org.lafaom.platform.users.UserAccounts;
import org.lafaom.platform.users.UserCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Settles a student's fees. It runs inside the payment's settling transaction, so the payable's
 * {@code payment_id} and the student's e-mail commit with the settlement, exactly once. A paid
 * registration fee makes the application reviewable; a paid instalment records what is left.
 */
@Component
class FeePaymentListener {

    private static final Logger log = LoggerFactory.getLogger(FeePaymentListener.class);

    private final ApplicationRepository applications;
    private final InstalmentRepository instalments;
    private final TrainingSessions sessions;
    private final UserAccounts accounts;
    private final ApplicationMails mails;

    FeePaymentListener(ApplicationRepository applications, InstalmentRepository instalments, TrainingSessions sessions,
            UserAccounts accounts, ApplicationMails mails) {
        this.applications = applications;
        this.instalments = instalments;
        this.sessions = sessions;
        this.accounts = accounts;
        this.mails = mails;
    }

    @EventListener
    void on(PaymentSettled payment) {
        boolean registration = PayableType.STUDENT_APPLICATION.equals(payment.payableType());
        if (!registration && !PayableType.TRAINING_FEE_INSTALLMENT.equals(payment.payableType())) {
            return;
        }
        Optional<Integer> id = payment.payableIntId();
        if (id.isEmpty()) {
            log.error("Payment {} settles {} '{}', which is not an id", payment.transactionId(), payment.payableType(), payment.payableId());
        } else if (registration) {
            registrationFee(id.get(), payment);
        } else {
            instalment(id.get(), payment);
        }
    }

    private void registrationFee(int applicationId, PaymentSettled payment) {
        if (!applications.setPaymentId(applicationId, payment.paymentId())) {
            log.warn("Payment {} settles student application {}, which is unknown or already paid: the money is recorded on the"
                    + " payment only, see docs/payments.md", payment.transactionId(), applicationId);
            return;
        }
        Application application = applications.lock(applicationId, null).orElse(null);
        if (application == null) {
            log.warn("Payment {} settled the registration fee of withdrawn application {}", payment.transactionId(), applicationId);
            return;
        }
        UserCredentials student = accounts.findById(application.userId()).orElse(null);
        SessionTerms session = sessions.terms(application.targetSessionId()).orElse(null);
        if (student != null && session != null) {
            mails.registrationFeePaid(student, application, session, payment);
        }
    }

    private void instalment(int instalmentId, PaymentSettled payment) {
        Instalment instalment = instalments.find(instalmentId).orElse(null);
        if (instalment == null) {
            log.error("Payment {} settles training-fee instalment {}, which does not exist", payment.transactionId(), instalmentId);
            return;
        }
        Application application = applications.lock(instalment.applicationId(), null).orElse(null);
        BigDecimal fee = application == null || application.trainingFee() == null ? BigDecimal.ZERO : application.trainingFee();
        BigDecimal rest = fee.subtract(instalments.paid(instalment.applicationId()).total()).subtract(instalment.amount());
        if (rest.signum() < 0) {
            log.error("Payment {} overpays the training fee of application {} by {} {}: refund it", payment.transactionId(),
                    instalment.applicationId(), rest.negate(), instalment.currency());
            rest = BigDecimal.ZERO;
        }
        if (!instalments.markPaid(instalmentId, payment.paymentId(), rest)) {
            log.warn("Payment {} settles training-fee instalment {}, which is already paid", payment.transactionId(), instalmentId);
            return;
        }
        UserCredentials student = accounts.findById(instalment.userId()).orElse(null);
        SessionTerms session = sessions.terms(instalment.sessionId()).orElse(null);
        if (application != null && student != null && session != null) {
            mails.instalmentPaid(student, application, session, instalment, rest, payment);
        }
    }
}
