package org.lafaom.platform.notifications;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Renders a template in the recipient's language (French unless they chose English) and sends it
 * over SMTP. A template's first line is {@code Subject: ...}; the rest is the HTML body, with
 * values HTML-escaped by Mustache.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final JavaMailSender sender;
    private final MailProperties properties;
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    Mailer(JavaMailSender sender, MailProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    /** A rendered e-mail: what it says, before it is sent. */
    public record Rendered(String subject, String html) {}

    public Rendered render(MailTemplate template, String lang, Map<String, ?> values) {
        String language = "en".equalsIgnoreCase(lang) ? "en" : "fr";
        String text = templates.computeIfAbsent(language + "/" + template.file(), this::load).execute(values);
        int newline = text.indexOf('\n');
        String subject = text.substring(0, newline).replaceFirst("^Subject:\\s*", "").trim();
        return new Rendered(subject, text.substring(newline + 1).trim());
    }

    /** Sends now; a failure becomes {@code email_delivery_failed} (503) for the caller. */
    public void send(String to, MailTemplate template, String lang, Map<String, ?> values) {
        try {
            deliver(to, template, lang, values);
        } catch (MailException | MessagingException e) {
            log.warn("Could not send {} e-mail: {}", template, e.getMessage());
            throw new ApiException(ErrorCode.EMAIL_DELIVERY_FAILED);
        }
    }

    /** Sends now and lets SMTP failures through, for callers that retry (the mail task). */
    void deliver(String to, MailTemplate template, String lang, Map<String, ?> values) throws MessagingException {
        Rendered mail = render(template, lang, values);
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(to);
        helper.setSubject(mail.subject());
        helper.setText(mail.html(), true);
        sender.send(message);
    }

    private Template load(String name) {
        ClassPathResource resource = new ClassPathResource("templates/mail/" + name + ".mustache");
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return Mustache.compiler().escapeHTML(true).compile(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Missing mail template " + name, e);
        }
    }
}
