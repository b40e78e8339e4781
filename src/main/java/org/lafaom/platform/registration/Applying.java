package org.lafaom.platform.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.lafaom.platform.auth.PasswordSetupLinks;
import org.lafaom.platform.cache.RateLimiter;
import org.lafaom.platform.registration.ApplicationInputs.ApplyInput;
import org.lafaom.platform.registration.ApplicationRepository.Application;
import org.lafaom.platform.registration.ApplicationViews.ApplicationFullOut;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.training.TrainingSessions;
import org.lafaom.platform.training.TrainingSessions.SessionTerms;
import org.lafaom.platform.users.UserAccounts;
import org.lafaom.platform.users.UserAccounts.NewAccount;
import org.lafaom.platform.users.UserCredentials;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The public application to a session. Everything is checked before anything is written, and it
 * all happens in one transaction: a refused application leaves no account, row or e-mail behind.
 * An unknown address gets a student account and a one-time link to choose its password.
 */
@Service
class Applying {

    private final ApplicationRepository applications;
    private final TrainingSessions sessions;
    private final UserAccounts accounts;
    private final PasswordSetupLinks links;
    private final ApplicationMails mails;
    private final ApplicationDetails details;
    private final RateLimiter limiter;
    private final RegistrationProperties properties;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final long linkDays;

    Applying(ApplicationRepository applications, TrainingSessions sessions, UserAccounts accounts, PasswordSetupLinks links,
            ApplicationMails mails, ApplicationDetails details, RateLimiter limiter, RegistrationProperties properties,
            ObjectMapper mapper, Clock clock, @Value("${lafaom.auth.password-setup-ttl:7d}") java.time.Duration linkTtl) {
        this.applications = applications;
        this.sessions = sessions;
        this.accounts = accounts;
        this.links = links;
        this.mails = mails;
        this.details = details;
        this.limiter = limiter;
        this.properties = properties;
        this.mapper = mapper;
        this.clock = clock;
        this.linkDays = Math.max(1, linkTtl.toDays());
    }

    @Transactional
    ApplicationFullOut apply(ApplyInput in, String clientAddress) {
        RateLimiter.Decision decision = limiter.hit("student-application", clientAddress, properties.applyLimit(), properties.applyWindow());
        if (!decision.allowed()) {
            throw new Throttled(decision.retryAfterSeconds());
        }
        SessionTerms session = openSession(in.targetSessionId());
        String email = in.email().trim().toLowerCase(Locale.ROOT);
        applications.lockApplicant(email);
        UserCredentials existing = accounts.findByEmail(email).orElse(null);
        if (existing != null && !existing.isActive()) {
            throw new ApiException(ErrorCode.USER_NOT_ACTIVE);
        }
        if (existing != null && applications.liveApplicationExists(existing.id(), session.id(), null)) {
            throw new ApiException(ErrorCode.STUDENT_APPLICATION_ALREADY_EXISTS,
                    "You already have an application for this session; sign in to follow it");
        }
        UserCredentials student = existing != null ? existing : createStudent(in, email);
        int id = applications.insert(student.id(), session, applications.nextNumber(), json(session),
                ApplicationAccess.addressDigest(clientAddress));
        Application application = applications.find(id, null).orElseThrow();
        if (existing == null) {
            mails.accountCreated(student, application, session, links.issue(student.id(), student.email(), student.lang()), linkDays);
        }
        mails.statusChanged(student, application, session, "RECEIVED", null);
        return details.full(application);
    }

    /** The session, if one can apply to it now: it exists, is open, its deadline has not passed and it has room. */
    SessionTerms openSession(String sessionId) {
        SessionTerms session = sessions.terms(sessionId).orElseThrow(() -> new ApiException(ErrorCode.TRAINING_SESSION_NOT_FOUND));
        if (!session.openForRegistration()) {
            throw new ApiException(ErrorCode.SESSION_NOT_OPEN);
        }
        if (session.registrationDeadline() != null && session.registrationDeadline().isBefore(LocalDate.now(clock))) {
            throw new ApiException(ErrorCode.REGISTRATION_CLOSED);
        }
        if (session.availableSlots() != null && session.availableSlots() <= 0) {
            throw new ApiException(ErrorCode.NO_AVAILABLE_SLOTS);
        }
        return session;
    }

    String json(SessionTerms session) {
        return session.installmentPercentage() == null ? null : mapper.writeValueAsString(session.installmentPercentage());
    }

    private UserCredentials createStudent(ApplyInput in, String email) {
        String lang = "en".equals(in.lang()) ? "en" : "fr";
        String id = accounts.create(new NewAccount(email, null, blankToEmpty(in.firstName()), blankToEmpty(in.lastName()), "student",
                "active", lang, in.countryCode() == null || in.countryCode().isBlank() ? null : in.countryCode().trim(),
                in.phoneNumber() == null || in.phoneNumber().isBlank() ? null : in.phoneNumber().trim()));
        return accounts.findById(id).orElseThrow();
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.trim();
    }

    /** 429 with Retry-After: this address applied too often. */
    static final class Throttled extends ApiException {
        private final long retryAfter;

        Throttled(long retryAfter) {
            super(ErrorCode.TOO_MANY_REQUESTS, "Too many applications from this address, try again later");
            this.retryAfter = retryAfter;
        }

        @Override
        public Long retryAfterSeconds() {
            return retryAfter;
        }
    }
}
