package org.lafaom.platform.cabinet;

import org.lafaom.platform.cabinet.CabinetApplicationRepository.Application;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.CurrentUser;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.SecretTokens;
import org.lafaom.platform.users.UserAccounts;
import org.lafaom.platform.users.UserCredentials;
import org.springframework.stereotype.Component;

/**
 * Who may read or change one application on the public routes: staff holding the route's
 * permission, the firm signed in with its account (linked to the application, or with the
 * application's e-mail, which sign-in proved), or whoever presents the application's token
 * (returned once at creation and e-mailed to the firm). Everyone else is told the application does
 * not exist, exactly as for an unknown id or e-mail, so nothing can be learnt by probing.
 */
@Component
class ApplicantAccess {

    /** The caller as the public routes know them: perhaps signed in, perhaps holding a token. */
    record Caller(CurrentUser me, String token) {

        boolean can(String permission) {
            return me != null && !me.machine() && me.can(permission);
        }
    }

    private final CabinetApplicationRepository applications;
    private final UserAccounts accounts;

    ApplicantAccess(CabinetApplicationRepository applications, UserAccounts accounts) {
        this.applications = applications;
        this.accounts = accounts;
    }

    /** The application, if the caller may see it with {@code staffPermission} or as its applicant. */
    Application require(String id, Caller caller, String staffPermission) {
        Application a = id == null ? null : applications.find(id.trim()).orElse(null);
        if (a == null || !allowed(a, caller, staffPermission)) {
            throw new ApiException(ErrorCode.CABINET_APPLICATION_NOT_FOUND);
        }
        return a;
    }

    /** The live application of this e-mail, on the same terms. */
    Application requireByEmail(String email, Caller caller, String staffPermission) {
        Application a = email == null || email.isBlank() ? null : applications.findByEmail(email).orElse(null);
        if (a == null || !allowed(a, caller, staffPermission)) {
            throw new ApiException(ErrorCode.CABINET_APPLICATION_NOT_FOUND);
        }
        return applications.find(a.id()).orElseThrow(() -> new ApiException(ErrorCode.CABINET_APPLICATION_NOT_FOUND));
    }

    boolean isApplicant(Application a, Caller caller) {
        return owns(a, caller.me()) || tokenFits(a, caller.token());
    }

    private boolean allowed(Application a, Caller caller, String staffPermission) {
        return caller.can(staffPermission) || isApplicant(a, caller);
    }

    boolean owns(Application a, CurrentUser me) {
        if (me == null || me.machine()) {
            return false;
        }
        if (me.id().equals(a.userId())) {
            return true;
        }
        return accounts.findById(me.id()).map(UserCredentials::email)
                .filter(email -> email.equalsIgnoreCase(a.contactEmail().trim())).isPresent();
    }

    private boolean tokenFits(Application a, String token) {
        return token != null && !token.isBlank() && token.length() <= 200
                && applications.tokenMatches(a.id(), SecretTokens.sha256(token.trim()));
    }

    /** The caller's e-mail when signed in as a person. */
    String emailOf(CurrentUser me) {
        return me == null || me.machine() ? null : accounts.findById(me.id()).map(UserCredentials::email).orElse(null);
    }
}
