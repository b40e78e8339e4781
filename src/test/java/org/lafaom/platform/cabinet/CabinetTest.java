package org.lafaom.platform.cabinet;

import jakarta.mail.internet.MimeMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.lafaom.platform.support.Eventually;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.PaymentFlowTest;
import org.lafaom.platform.support.TestMail;

/**
 * Base of the cabinet tests: a firm applies as the public site does, pays at the fake CinetPay,
 * and reads its e-mails. No fee or campaign is active when a test starts, so the price is the
 * default 50 EUR (33 750 XAF at the fixed rate) unless the test sets one.
 */
abstract class CabinetTest extends PaymentFlowTest {

    static final String BASE = "/api/v1/cabinet-application";
    static final String TOKEN = "X-Application-Token";

    @BeforeEach
    void noPriceSet() {
        jdbc.sql("UPDATE application_fees SET is_active = false").update();
        jdbc.sql("UPDATE cabinet_recruitment_campaigns SET is_active = false").update();
    }

    /** The body the public site sends (every field, trimmed strings). */
    static Map<String, Object> application(String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company_name", "Cabinet Conseil Sahel");
        body.put("contact_email", email);
        body.put("contact_phone", "+221770000000");
        body.put("address", "12 avenue Cheikh Anta Diop, Dakar");
        body.put("registration_number", "SN-DKR-2024-B-123");
        body.put("experience_years", 8);
        body.put("qualifications", "ISO 9001, audit financier");
        body.put("technical_proposal", "Une méthode en trois phases pour l'accompagnement");
        body.put("financial_proposal", "Forfait de 12 000 EUR");
        body.put("references", "Ministère de la Santé, 2022");
        return body;
    }

    Http.Response apply(Map<String, Object> body) {
        return apply(body, "fr");
    }

    Http.Response apply(Map<String, Object> body, String lang) {
        return http.post(BASE, body, Http.Options.from(newAddress()).header("Accept-Language", lang));
    }

    /** Applies and checks it worked; returns the 201 answer. */
    Http.Response applied(String email) {
        Http.Response r = apply(application(email));
        if (r.status() != 201) {
            throw new AssertionError("application failed: " + r.status() + " " + r.body());
        }
        return r;
    }

    /** The firm pays what CinetPay asked and CinetPay notifies us; waits for the settlement. */
    void pay(String transactionId) {
        CINETPAY.pay(transactionId);
        Http.Response notified = notifyCinetPay(CINETPAY.notification(transactionId, true));
        if (notified.status() != 200) {
            throw new AssertionError("notification refused: " + notified.status() + " " + notified.body());
        }
        awaitPaymentStatus(transactionId, "accepted");
    }

    /** Applies and pays; returns the application id. */
    String paidApplication(String email) {
        Http.Response r = applied(email);
        pay(r.text("/payment_reference"));
        return r.text("/id");
    }

    static Http.Options token(String token) {
        return Http.Options.from(newAddress()).header(TOKEN, token);
    }

    static Http.Options bearer(String token) {
        return Http.Options.bearer(token);
    }

    String dbStatus(String id) {
        return jdbc.sql("SELECT status::text || '/' || payment_status::text FROM cabinet_applications WHERE id = :id")
                .param("id", id).query(String.class).single();
    }

    static List<MimeMessage> awaitMails(String email, int count) {
        Eventually.await(count + " e-mails to " + email, () -> TestMail.to(email).size() >= count);
        return TestMail.to(email);
    }

    static MimeMessage mailWithSubject(String email, String fragment) {
        Eventually.await("an e-mail to " + email + " about " + fragment,
                () -> TestMail.to(email).stream().anyMatch(m -> TestMail.subject(m).contains(fragment)));
        return TestMail.to(email).stream().filter(m -> TestMail.subject(m).contains(fragment)).findFirst().orElseThrow();
    }

    /** The set-password path (without host) of the link in an e-mail. */
    static String setPasswordPath(MimeMessage mail) {
        Matcher link = Pattern.compile("href=\"" + Pattern.quote(PUBLIC_URL) + "(/api/v1/auth/set-password\\?[^\"]+)\"")
                .matcher(TestMail.body(mail));
        if (!link.find()) {
            throw new AssertionError("no set-password link in: " + TestMail.body(mail));
        }
        return link.group(1).replace("&amp;", "&").replace("&#x3D;", "=");
    }

    /** The access token shown in bold in a payment e-mail. */
    static String tokenIn(MimeMessage mail) {
        Matcher m = Pattern.compile("<strong>([A-Za-z0-9_-]{43})</strong>").matcher(TestMail.body(mail));
        if (!m.find()) {
            throw new AssertionError("no token in: " + TestMail.body(mail));
        }
        return m.group(1);
    }
}
