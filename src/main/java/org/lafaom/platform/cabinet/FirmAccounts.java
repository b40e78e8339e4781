package org.lafaom.platform.cabinet;

import java.util.Optional;
import org.lafaom.platform.auth.PasswordSetupLinks;
import org.lafaom.platform.cabinet.CabinetApplicationRepository.Application;
import org.lafaom.platform.users.UserAccounts;
import org.lafaom.platform.users.UserAccounts.NewAccount;
import org.lafaom.platform.users.UserCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The firm's account, opened once when its fee is paid (as the old backend meant to): a staff-type
 * account without any permission and without a password, reached through a one-time set-password
 * link from the auth module. Nothing secret is ever mailed. An address that already has an account
 * keeps it: the application is attached to it and the firm is told to sign in with it.
 */
@Component
class FirmAccounts {

    private static final Logger log = LoggerFactory.getLogger(FirmAccounts.class);

    private final UserAccounts accounts;
    private final PasswordSetupLinks links;
    private final CabinetApplicationRepository applications;
    private final CabinetMails mails;

    FirmAccounts(UserAccounts accounts, PasswordSetupLinks links, CabinetApplicationRepository applications, CabinetMails mails) {
        this.accounts = accounts;
        this.links = links;
        this.applications = applications;
        this.mails = mails;
    }

    /** Call inside the transaction that settles or approves the (locked) application. */
    void ensure(Application a) {
        if (a.userId() != null) {
            return;
        }
        String email = a.contactEmail().trim().toLowerCase(java.util.Locale.ROOT);
        Optional<UserCredentials> existing = accounts.findByEmail(email);
        if (existing.isPresent()) {
            applications.linkAccount(a.id(), existing.get().id(), false);
            mails.paidWithExistingAccount(a);
            log.info("Cabinet application {} attached to the existing account {}", a.id(), existing.get().id());
            return;
        }
        String lang = "en".equals(a.lang()) ? "en" : "fr";
        String userId = accounts.create(new NewAccount(email, null, a.companyName(), "Cabinet", "staff", "active", lang, null,
                a.contactPhone()));
        applications.linkAccount(a.id(), userId, true);
        mails.accountCreated(a, links.issue(userId, email, lang));
        log.info("Opened account {} for the firm of cabinet application {}", userId, a.id());
    }
}
