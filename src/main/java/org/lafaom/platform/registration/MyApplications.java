package org.lafaom.platform.registration;

import java.util.ArrayList;
import java.util.List;
import org.lafaom.platform.payments.InitiatedPayment;
import org.lafaom.platform.registration.ApplicationInputs.ApplyInput;
import org.lafaom.platform.registration.ApplicationRepository.Application;
import org.lafaom.platform.registration.ApplicationViews.ApplicationFullOut;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.CurrentUser;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.training.TrainingSessions;
import org.lafaom.platform.training.TrainingSessions.SessionTerms;
import org.lafaom.platform.users.UserAccounts;
import org.lafaom.platform.users.UserCredentials;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a student does with their own applications: change session, cancel, submit (and pay the registration fee). */
@Service
class MyApplications {

    private final ApplicationRepository applications;
    private final AttachmentRepository attachments;
    private final TrainingSessions sessions;
    private final UserAccounts accounts;
    private final ApplicationMails mails;
    private final ApplicationDetails details;
    private final Applying applying;
    private final ApplicationAccess access;
    private final FeePayments fees;

    MyApplications(ApplicationRepository applications, AttachmentRepository attachments, TrainingSessions sessions,
            UserAccounts accounts, ApplicationMails mails, ApplicationDetails details, Applying applying, ApplicationAccess access,
            FeePayments fees) {
        this.applications = applications;
        this.attachments = attachments;
        this.sessions = sessions;
        this.accounts = accounts;
        this.mails = mails;
        this.details = details;
        this.applying = applying;
        this.access = access;
        this.fees = fees;
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
        if (fees.anyInFlight(application)) {
            throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION,
                    "A payment for this application is in progress: wait until it is finished or abandoned before withdrawing");
        }
        ApplicationFullOut view = details.full(application);
        applications.softDelete(id);
        return view;
    }

    /**
     * RECEIVED to SUBMITTED once every required document is there, then the registration fee, if
     * the session has one, in the same transaction: if the payment cannot start, the application
     * stays RECEIVED and nothing is mailed. A submitted application whose fee is unpaid may ask
     * again: it gets the payment in flight, or a new one if the last attempt ended unpaid.
     * {@code me} is null for the public site's anonymous follow-up (see {@link ApplicationAccess}).
     */
    @Transactional
    InitiatedPayment submit(int id, CurrentUser me, String clientAddress) {
        Application application = access.lock(id, me, clientAddress);
        SessionTerms session = sessions.terms(application.targetSessionId())
                .orElseThrow(() -> new ApiException(ErrorCode.TRAINING_SESSION_NOT_FOUND));
        UserCredentials student = accounts.findById(application.userId()).orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND));
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
        return fees.registrationFee(application, session, student);
    }

    private Application own(int id, CurrentUser me) {
        return applications.lock(id, me.id()).orElseThrow(() -> new ApiException(ErrorCode.STUDENT_APPLICATION_NOT_FOUND));
    }
}
