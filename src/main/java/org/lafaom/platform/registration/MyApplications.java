package org.lafaom.platform.registration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.lafaom.platform.registration.ApplicationInputs.ApplyInput;
import org.lafaom.platform.registration.ApplicationInputs.TrainingFeeInput;
import org.lafaom.platform.registration.ApplicationRepository.Application;
import org.lafaom.platform.registration.ApplicationViews.ApplicationFullOut;
import org.lafaom.platform.registration.RegistrationFeePayments.PaymentStart;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.CurrentUser;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.training.TrainingSessions;
import org.lafaom.platform.training.TrainingSessions.SessionTerms;
import org.lafaom.platform.users.UserAccounts;
import org.lafaom.platform.users.UserCredentials;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a student does with their own applications: change session, cancel, submit, pay. */
@Service
class MyApplications {

    private final ApplicationRepository applications;
    private final AttachmentRepository attachments;
    private final TrainingSessions sessions;
    private final UserAccounts accounts;
    private final ApplicationMails mails;
    private final ApplicationDetails details;
    private final Applying applying;
    private final ObjectProvider<RegistrationFeePayments> payments;

    MyApplications(ApplicationRepository applications, AttachmentRepository attachments, TrainingSessions sessions,
            UserAccounts accounts, ApplicationMails mails, ApplicationDetails details, Applying applying,
            ObjectProvider<RegistrationFeePayments> payments) {
        this.applications = applications;
        this.attachments = attachments;
        this.sessions = sessions;
        this.accounts = accounts;
        this.mails = mails;
        this.details = details;
        this.applying = applying;
        this.payments = payments;
    }

    /** Moves an application that is not submitted yet to another open session. */
    @Transactional
    ApplicationFullOut update(int id, ApplyInput in, CurrentUser me) {
        Application application = own(id, me);
        if (!application.status().equals("RECEIVED")) {
            throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION, "A submitted application can no longer be changed");
        }
        if (!in.targetSessionId().equals(application.targetSessionId())) {
            SessionTerms session = applying.openSession(in.targetSessionId());
            if (applications.liveApplicationExists(me.id(), session.id(), id)) {
                throw new ApiException(ErrorCode.STUDENT_APPLICATION_ALREADY_EXISTS);
            }
            applications.moveToSession(id, session, applying.json(session));
        }
        return details.full(id, me.id());
    }

    /** The student withdraws an application that has not been decided yet. */
    @Transactional
    ApplicationFullOut cancel(int id, CurrentUser me) {
        Application application = own(id, me);
        if (application.status().equals("APPROVED") || application.status().equals("REFUSED")) {
            throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION, "A decided application cannot be withdrawn");
        }
        ApplicationFullOut view = details.full(application);
        applications.softDelete(id);
        return view;
    }

    /**
     * RECEIVED to SUBMITTED once every required document is there, then the registration fee, if
     * the session has one. A submitted application whose fee is still unpaid may ask again for the
     * payment (the first attempt failed or was abandoned).
     */
    @Transactional
    PaymentStart submit(int id, CurrentUser me) {
        Application application = own(id, me);
        SessionTerms session = sessions.terms(application.targetSessionId())
                .orElseThrow(() -> new ApiException(ErrorCode.TRAINING_SESSION_NOT_FOUND));
        UserCredentials student = accounts.findById(me.id()).orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND));
        if (application.status().equals("RECEIVED")) {
            List<String> missing = new ArrayList<>(session.requiredAttachmentsOrEmpty());
            missing.removeAll(attachments.documentTypes(id));
            if (!missing.isEmpty()) {
                throw new ApiException(ErrorCode.MISSING_REQUIRED_ATTACHMENTS, "Missing documents: " + String.join(", ", missing));
            }
            applications.setStatus(id, "SUBMITTED", null);
            mails.statusChanged(student, application, session, "SUBMITTED", null);
        } else if (!application.status().equals("SUBMITTED") || !application.hasRegistrationFee() || application.paid()) {
            throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION, "This application is already submitted");
        }
        return startRegistrationFee(application, session, student);
    }

    /** The one place where the registration fee's payment starts. */
    private PaymentStart startRegistrationFee(Application application, SessionTerms session, UserCredentials student) {
        if (!application.hasRegistrationFee() || application.paid()) {
            return new PaymentStart(null, BigDecimal.ZERO, null, null, null, "No registration fee to pay");
        }
        RegistrationFeePayments provider = payments.getIfAvailable();
        if (provider == null) {
            return new PaymentStart(null, application.registrationFee(), null, null, null,
                    "Payments are not configured yet; the registration fee can be paid later");
        }
        return provider.startRegistrationFee(new RegistrationFeePayments.RegistrationFee(application.id(),
                application.applicationNumber(), student.id(), student.email(), student.firstName(), student.lastName(),
                application.registrationFee(), application.currency(),
                "Registration fee of " + session.trainingTitle() + " (" + application.applicationNumber() + ")"));
    }

    /** A training-fee payment for a session the student is registered to (registration fee paid). */
    @Transactional
    PaymentStart payTrainingFee(TrainingFeeInput in, CurrentUser me) {
        Application application = applications.paidForSession(me.id(), in.trainingSessionId())
                .orElseThrow(() -> new ApiException(ErrorCode.YOU_ARE_NOT_REGISTERED_FOR_THIS_TRAINING_SESSION));
        SessionTerms session = sessions.terms(in.trainingSessionId())
                .orElseThrow(() -> new ApiException(ErrorCode.TRAINING_SESSION_NOT_FOUND));
        RegistrationFeePayments provider = payments.getIfAvailable();
        if (provider == null) {
            throw new ApiException(ErrorCode.PAYMENT_INITIATION_FAILED, "Payment initiation failed (payments are not configured)");
        }
        UserCredentials student = accounts.findById(me.id()).orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND));
        return provider.startTrainingFee(new RegistrationFeePayments.TrainingFee(application.id(), session.id(), me.id(),
                student.email(), in.amount(), application.trainingFee(), application.currency(), session.installmentPercentage(),
                "Training fee of " + session.trainingTitle() + " (" + application.applicationNumber() + ")"));
    }

    private Application own(int id, CurrentUser me) {
        return applications.lock(id, me.id()).orElseThrow(() -> new ApiException(ErrorCode.STUDENT_APPLICATION_NOT_FOUND));
    }
}
