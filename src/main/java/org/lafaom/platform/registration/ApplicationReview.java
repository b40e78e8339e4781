package org.lafaom.platform.registration;

import org.lafaom.platform.registration.ApplicationRepository.Application;
import org.lafaom.platform.registration.ApplicationViews.ApplicationFullOut;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.Choices;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.training.TrainingSessions;
import org.lafaom.platform.training.TrainingSessions.SessionTerms;
import org.lafaom.platform.users.UserAccounts;
import org.lafaom.platform.users.UserCredentials;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff decisions on submitted applications. Approval takes a slot of the session atomically (see
 * {@link TrainingSessions#admit}); a refusal after approval gives it back. Allowed changes:
 * SUBMITTED or REFUSED to APPROVED, SUBMITTED or APPROVED to REFUSED; anything else skips a step.
 */
@Service
class ApplicationReview {

    private final ApplicationRepository applications;
    private final TrainingSessions sessions;
    private final UserAccounts accounts;
    private final ApplicationMails mails;
    private final ApplicationDetails details;

    ApplicationReview(ApplicationRepository applications, TrainingSessions sessions, UserAccounts accounts, ApplicationMails mails,
            ApplicationDetails details) {
        this.applications = applications;
        this.sessions = sessions;
        this.accounts = accounts;
        this.mails = mails;
        this.details = details;
    }

    @Transactional
    ApplicationFullOut changeStatus(int id, String status, String reason) {
        Choices.require("body", "status", status, ApplicationViews.STATUSES);
        Application application = applications.lock(id, null)
                .orElseThrow(() -> new ApiException(ErrorCode.STUDENT_APPLICATION_NOT_FOUND));
        SessionTerms session = sessions.terms(application.targetSessionId())
                .orElseThrow(() -> new ApiException(ErrorCode.TRAINING_SESSION_NOT_FOUND));
        String current = application.status();
        switch (status) {
            case "APPROVED" -> {
                requireFrom(current, status, "SUBMITTED", "REFUSED");
                if (current.equals("REFUSED") && applications.liveApplicationExists(application.userId(), application.targetSessionId(), id)) {
                    throw new ApiException(ErrorCode.STUDENT_APPLICATION_ALREADY_EXISTS,
                            "The student has applied to this session again; decide on the newer application");
                }
                if (application.hasRegistrationFee() && !application.paid()) {
                    throw new ApiException(ErrorCode.CANNOT_APPROVE_UNPAID_APPLICATION);
                }
                if (!sessions.admit(application.targetSessionId(), application.userId(), id)) {
                    throw new ApiException(ErrorCode.NO_AVAILABLE_SLOTS);
                }
                applications.setStatus(id, status, null);
            }
            case "REFUSED" -> {
                requireFrom(current, status, "SUBMITTED", "APPROVED");
                if (reason == null || reason.isBlank()) {
                    throw ApiException.validation("body", "reason", "A refusal needs its reason");
                }
                if (current.equals("APPROVED")) {
                    sessions.release(id);
                }
                applications.setStatus(id, status, reason.trim());
            }
            default -> throw transition(current, status);
        }
        UserCredentials student = accounts.findById(application.userId()).orElseThrow();
        mails.statusChanged(student, application, session, status, reason == null ? null : reason.trim());
        return details.full(id, null);
    }

    /** Staff remove an application; an approved student stops being a participant. */
    @Transactional
    ApplicationFullOut delete(int id) {
        Application application = applications.lock(id, null)
                .orElseThrow(() -> new ApiException(ErrorCode.STUDENT_APPLICATION_NOT_FOUND));
        ApplicationFullOut view = details.full(application);
        if (application.status().equals("APPROVED")) {
            sessions.release(id);
        }
        applications.softDelete(id);
        return view;
    }

    private static void requireFrom(String current, String target, String... allowed) {
        for (String from : allowed) {
            if (from.equals(current)) {
                return;
            }
        }
        throw transition(current, target);
    }

    static ApiException transition(String from, String to) {
        return new ApiException(ErrorCode.INVALID_STATUS_TRANSITION, "An application cannot go from " + from + " to " + to);
    }
}
