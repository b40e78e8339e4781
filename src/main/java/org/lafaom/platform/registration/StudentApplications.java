package org.lafaom.platform.registration;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registration module's API for other modules: which application numbers a student owns
 * (reclamations), and recording that an application's registration fee was paid (payments).
 */
@Service
@Transactional(readOnly = true)
public class StudentApplications {

    private final ApplicationRepository applications;

    StudentApplications(ApplicationRepository applications) {
        this.applications = applications;
    }

    /** The numbers of the student's live applications. */
    public List<String> applicationNumbersOf(String userId) {
        return applications.numbersOf(userId);
    }

    /** A live application, as payments need it. */
    public record ApplicationForPayment(int id, String userId, String applicationNumber, String status, String targetSessionId,
            java.math.BigDecimal registrationFee, java.math.BigDecimal trainingFee, String currency, String paymentId) {}

    public Optional<ApplicationForPayment> forPayment(int applicationId) {
        return applications.find(applicationId, null).map(a -> new ApplicationForPayment(a.id(), a.userId(), a.applicationNumber(),
                a.status(), a.targetSessionId(), a.registrationFee(), a.trainingFee(), a.currency(), a.paymentId()));
    }

    /**
     * Records the confirmed payment of the registration fee (sets {@code payment_id}, which is what
     * "paid" means for approval and for the {@code is_paid} filter). False if already recorded.
     */
    @Transactional
    public boolean recordRegistrationFeePaid(int applicationId, String paymentId) {
        return applications.setPaymentId(applicationId, paymentId);
    }
}
