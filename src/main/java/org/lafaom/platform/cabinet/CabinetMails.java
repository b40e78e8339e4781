package org.lafaom.platform.cabinet;

import java.time.Clock;
import java.util.Map;
import org.lafaom.platform.cabinet.CabinetApplicationRepository.Application;
import org.lafaom.platform.notifications.MailQueue;
import org.lafaom.platform.notifications.MailTemplate;
import org.lafaom.platform.payments.InitiatedPayment;
import org.lafaom.platform.shared.WebProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The e-mails a firm receives, in its language, each queued as a durable task in the caller's
 * transaction and keyed on what it tells, so that no event is mailed twice.
 */
@Component
class CabinetMails {

    private final MailQueue mail;
    private final CabinetProperties properties;
    private final String loginUrl;
    private final long linkDays;
    private final Clock clock;

    CabinetMails(MailQueue mail, CabinetProperties properties, WebProperties web, Clock clock,
            @Value("${lafaom.auth.password-setup-ttl:7d}") java.time.Duration linkTtl) {
        this.mail = mail;
        this.properties = properties;
        this.loginUrl = properties.loginUrl().isBlank() ? web.publicUrlWithoutSlash() : properties.loginUrl().trim();
        this.linkDays = Math.max(1, linkTtl.toDays());
        this.clock = clock;
    }

    /**
     * Where to pay, and the token that proves the firm is the applicant. Returns false when this
     * payment's link was already mailed in the current resend period (then the token is not new either).
     */
    boolean paymentLink(Application a, InitiatedPayment payment, String token) {
        long period = Math.max(1, properties.paymentLinkResendInterval().toMillis());
        return mail.enqueue("cabinet-" + a.id() + "-payment-" + payment.transactionId() + "-" + clock.millis() / period,
                a.contactEmail(), MailTemplate.CABINET_APPLICATION_PAYMENT, a.lang(), Map.of(
                        "company_name", a.companyName(), "application_id", a.id(), "amount", a.paymentAmount().toPlainString(),
                        "currency", a.paymentCurrency(), "payment_link", payment.paymentLink(), "token", token));
    }

    /** Payment received; a new account was opened for the firm: choose its password by the one-time link. */
    void accountCreated(Application a, String setPasswordLink) {
        mail.enqueue("cabinet-" + a.id() + "-account", a.contactEmail(), MailTemplate.CABINET_ACCOUNT_CREATED, a.lang(), Map.of(
                "company_name", a.companyName(), "application_id", a.id(), "email", a.contactEmail(), "link", setPasswordLink,
                "days", linkDays, "login_url", loginUrl));
    }

    /** Payment received; the firm's e-mail already had an account, which now holds the application. */
    void paidWithExistingAccount(Application a) {
        mail.enqueue("cabinet-" + a.id() + "-account", a.contactEmail(), MailTemplate.CABINET_PAYMENT_RECEIVED, a.lang(), Map.of(
                "company_name", a.companyName(), "application_id", a.id(), "email", a.contactEmail(), "login_url", loginUrl));
    }

    void approved(Application a) {
        mail.enqueue("cabinet-" + a.id() + "-approved", a.contactEmail(), MailTemplate.CABINET_APPLICATION_APPROVED, a.lang(),
                Map.of("company_name", a.companyName(), "application_id", a.id(), "login_url", loginUrl));
    }

    void rejected(Application a, String reason) {
        boolean en = "en".equals(a.lang());
        mail.enqueue("cabinet-" + a.id() + "-rejected", a.contactEmail(), MailTemplate.CABINET_APPLICATION_REJECTED, a.lang(),
                Map.of("company_name", a.companyName(), "application_id", a.id(),
                        "reason", reason == null ? (en ? "not given" : "non précisé") : reason));
    }
}
