package org.lafaom.platform.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * For tests that stop and start their own SMTP server (the shared {@link TestMail} must keep
 * running for every other test): their own database, so no other context's workers take their
 * e-mails, an SMTP port that nothing listens on until {@link #start} is called, and an admin.
 */
public final class OwnSmtp {

    private OwnSmtp() {}

    public static void register(DynamicPropertyRegistry registry, TestDatabase.Database database, int smtpPort, String adminEmail,
            String adminPassword) {
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtpPort);
        registry.add("lafaom.auth.key-encryption-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("lafaom.bootstrap-admin.email", () -> adminEmail);
        registry.add("lafaom.bootstrap-admin.password", () -> adminPassword);
    }

    public static GreenMail start(int smtpPort) {
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    public static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
