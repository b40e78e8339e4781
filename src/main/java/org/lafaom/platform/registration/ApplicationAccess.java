package org.lafaom.platform.registration;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.lafaom.platform.registration.ApplicationRepository.Application;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.CurrentUser;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.SecretTokens;
import org.springframework.stereotype.Component;

/**
 * Who may act on an application as its student: the signed-in owner, or, because the public site
 * has no sign-in (it applies, uploads and submits in one visit), the client that created it, from
 * the same address, within {@code anonymous-follow-up-window} of its creation and while it is still
 * being prepared (not decided, registration fee not paid). Anyone else is told the application
 * does not exist, so ids cannot be probed. After the window the student signs in with the account
 * the application opened.
 */
@Component
class ApplicationAccess {

    private final ApplicationRepository applications;
    private final RegistrationProperties properties;
    private final Clock clock;

    ApplicationAccess(ApplicationRepository applications, RegistrationProperties properties, Clock clock) {
        this.applications = applications;
        this.properties = properties;
        this.clock = clock;
    }

    /** The digest stored with an application in place of the address it was created from. */
    static String addressDigest(String clientAddress) {
        return SecretTokens.sha256("student-application-follow-up:" + (clientAddress == null ? "" : clientAddress));
    }

    /** The caller's application, locked until the transaction ends. */
    Application lock(int id, CurrentUser me, String clientAddress) {
        return (me != null ? applications.lock(id, me.id()) : followUp(id, clientAddress, true)).orElseThrow(ApplicationAccess::notFound);
    }

    /** The caller's application, or one staff with the permission may read. */
    Application read(int id, CurrentUser me, String clientAddress, String staffPermission) {
        if (me != null && me.can(staffPermission)) {
            return applications.find(id, null).orElseThrow(ApplicationAccess::notFound);
        }
        return (me != null ? applications.find(id, me.id()) : followUp(id, clientAddress, false)).orElseThrow(ApplicationAccess::notFound);
    }

    private Optional<Application> followUp(int id, String clientAddress, boolean lock) {
        if (properties.anonymousFollowUpWindow().isZero() || properties.anonymousFollowUpWindow().isNegative()) {
            return Optional.empty();
        }
        OffsetDateTime since = OffsetDateTime.now(clock).minus(properties.anonymousFollowUpWindow());
        return applications.findForFollowUp(id, addressDigest(clientAddress), since, lock)
                .filter(a -> a.status().equals("RECEIVED") || (a.status().equals("SUBMITTED") && !a.paid()));
    }

    private static ApiException notFound() {
        return new ApiException(ErrorCode.STUDENT_APPLICATION_NOT_FOUND);
    }
}
