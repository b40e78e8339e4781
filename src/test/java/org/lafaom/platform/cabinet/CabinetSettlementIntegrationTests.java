package org.lafaom.platform.cabinet;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.TestMail;

/** The verified CinetPay settlement of a firm's fee: application paid, account opened once, by a link. */
class CabinetSettlementIntegrationTests extends CabinetTest {

    @Test
    void whenCinetPayConfirmsThePaymentThenTheApplicationIsPaidAndTheFirmGetsAnAccountByLinkOnce() {
        String email = uniqueEmail("settled");
        Http.Response app = applied(email);
        String id = app.text("/id");
        String tx = app.text("/payment_reference");

        pay(tx);

        assertThat(dbStatus(id)).isEqualTo("PAID/PAID");
        Map<String, Object> row = jdbc.sql("""
                SELECT a.payment_id, a.payment_reference, a.payment_date, a.account_created, a.credentials_sent, a.user_id,
                       p.id AS expected_payment, u.user_type, u.email, u.password, u.first_name, u.last_name
                FROM cabinet_applications a JOIN payments p ON p.transaction_id = a.payment_reference
                JOIN users u ON u.id = a.user_id WHERE a.id = :id""").param("id", id).query().singleRow();
        assertThat(row.get("payment_id")).isEqualTo(row.get("expected_payment"));
        assertThat(row.get("payment_reference")).isEqualTo(tx);
        assertThat(row.get("payment_date")).isNotNull();
        assertThat(row.get("account_created")).isEqualTo(true);
        assertThat(row.get("credentials_sent")).isEqualTo(true);
        assertThat(row.get("user_type")).isEqualTo("staff");
        assertThat(row.get("email")).isEqualTo(email);
        assertThat(row.get("first_name")).isEqualTo("Cabinet Conseil Sahel");
        assertThat(row.get("last_name")).isEqualTo("Cabinet");
        assertThat(row.get("password")).isEqualTo("!");
        assertThat(jdbc.sql("SELECT count(*) FROM user_permission WHERE user_id = :u").param("u", row.get("user_id"))
                .query(Long.class).single()).isZero();

        MimeMessage account = mailWithSubject(email, "Paiement reçu");
        String body = TestMail.body(account);
        assertThat(setPasswordPath(account)).contains("email=").contains("code=");
        // No password exists yet (the hash is "!"), so none can have been mailed: only the one-time link.
        assertThat(body).contains(id).doesNotContain("temporary_password");

        Http.Response status = http.get(BASE + "/" + id + "/payment-status", token(app.text("/application_token")));
        assertThat(status.text("/payment_status")).isEqualTo("paid");
        assertThat(status.text("/status")).isEqualTo("paid");
        assertThat(status.text("/payment_date")).endsWith("Z");
        assertThat(status.at("/payment_url").isNull()).isTrue();

        // A late duplicate notification and a status poll change nothing: one account, one e-mail.
        assertThat(notifyCinetPay(CINETPAY.notification(tx, true)).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/payments/check-status/" + tx).status()).isEqualTo(200);
        awaitNoConfirmationQueued(tx);
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = :e").param("e", email).query(Long.class).single()).isEqualTo(1);
        assertThat(TestMail.to(email).stream().filter(m -> TestMail.subject(m).contains("Paiement reçu"))).hasSize(1);
        assertThat(http.get("/actuator/prometheus").body()).contains("lafaom_cabinet_applications_total{event=\"paid\"}");
    }

    @Test
    void whenTheFirmsAddressAlreadyHasAnAccountThenTheApplicationIsAttachedToItAndNoLinkIsSent() {
        String email = uniqueEmail("known");
        String userId = createUser(email, "Known-Password-1", "student");
        String id = paidApplication(email);

        assertThat(jdbc.sql("SELECT user_id FROM cabinet_applications WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo(userId);
        assertThat(jdbc.sql("SELECT credentials_sent FROM cabinet_applications WHERE id = :id").param("id", id)
                .query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("SELECT user_type FROM users WHERE id = :id").param("id", userId).query(String.class).single())
                .isEqualTo("student");
        MimeMessage mail = mailWithSubject(email, "Paiement reçu");
        assertThat(TestMail.body(mail)).doesNotContain("set-password").contains("déjà un compte");
    }

    @Test
    void whenCinetPayRefusesOrTheCustomerHasNotPaidThenTheApplicationStaysUnpaid() {
        Http.Response waiting = applied(uniqueEmail("waiting"));
        CINETPAY.waitForCustomer(waiting.text("/payment_reference"));
        assertThat(notifyCinetPay(CINETPAY.notification(waiting.text("/payment_reference"), true)).status()).isEqualTo(200);
        awaitNoConfirmationQueued(waiting.text("/payment_reference"));
        assertThat(dbStatus(waiting.text("/id"))).isEqualTo("PENDING/PENDING");

        Http.Response refused = applied(uniqueEmail("refused-pay"));
        CINETPAY.refuse(refused.text("/payment_reference"));
        assertThat(notifyCinetPay(CINETPAY.notification(refused.text("/payment_reference"), true)).status()).isEqualTo(200);
        awaitPaymentStatus(refused.text("/payment_reference"), "refused");
        assertThat(dbStatus(refused.text("/id"))).isEqualTo("PENDING/PENDING");

        // A notification signed with another key is refused before anything is asked.
        Http.Response forged = applied(uniqueEmail("forged"));
        CINETPAY.pay(forged.text("/payment_reference"));
        assertThat(notifyCinetPay(CINETPAY.notification(forged.text("/payment_reference"), false)).status()).isEqualTo(403);
        assertThat(dbStatus(forged.text("/id"))).isEqualTo("PENDING/PENDING");
        assertThat(jdbc.sql("SELECT account_created FROM cabinet_applications WHERE id = :id").param("id", forged.text("/id"))
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void whenAnUnpaidApplicationWasRejectedAndItsFeeArrivesLaterThenItIsRecordedButNoAccountIsOpened() {
        String email = uniqueEmail("late");
        Http.Response app = applied(email);
        String staff = staffWith("can_change_cabinet_application_status");
        assertThat(http.patch(BASE + "/" + app.text("/id") + "/reject?reason=Hors%20d%C3%A9lai", null, bearer(staff)).status())
                .isEqualTo(200);
        pay(app.text("/payment_reference"));
        assertThat(dbStatus(app.text("/id"))).isEqualTo("REJECTED/PAID");
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = :e").param("e", email).query(Long.class).single()).isZero();
    }
}
