package org.lafaom.platform.cabinet;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.TestMail;

/** A firm's whole journey, each step over HTTP as the public site, CinetPay and the admin app make it. */
class CabinetJourneyIntegrationTests extends CabinetTest {

    private static final String PASSWORD = "Cabinet-Password-1";

    @Test
    void whenAFirmAppliesPaysSetsItsPasswordAndSignsInThenItSeesItsApplicationAndStaffDecide() {
        // The public site posts the form and sends the firm to CinetPay.
        String email = uniqueEmail("journey-firm");
        Http.Response applied = apply(application(email));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String id = applied.text("/id");
        String tx = applied.text("/payment_reference");
        assertThat(applied.text("/payment_url")).isEqualTo(
                jdbc.sql("SELECT payment_url FROM cinetpay_payments WHERE transaction_id = :tx").param("tx", tx).query(String.class).single());

        // The firm pays; CinetPay notifies; the check says ACCEPTED.
        pay(tx);

        // It receives its set-password link (never a password), and chooses its password.
        MimeMessage account = mailWithSubject(email, "Paiement reçu");
        String path = setPasswordPath(account);
        assertThat(http.get(path).status()).isEqualTo(200);
        String code = path.replaceAll(".*code=([A-Z0-9]+).*", "$1");
        Http.Response saved = http.postForm("/api/v1/auth/set-password", Map.of("email", email, "code", code, "password", PASSWORD,
                "password_confirm", PASSWORD), Http.Options.from(newAddress()));
        assertThat(saved.status()).isEqualTo(200);

        // It signs in and sees its application, paid, in "my applications", and reads it by id.
        String firm = login(email, PASSWORD);
        Http.Response mine = http.get(BASE + "/my-applications", bearer(firm));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().size()).isEqualTo(1);
        assertThat(mine.at("/0/id").asString()).isEqualTo(id);
        assertThat(mine.at("/0/status").asString()).isEqualTo("paid");
        assertThat(mine.at("/0/payment_status").asString()).isEqualTo("paid");
        assertThat(mine.at("/0/account_created").asBoolean()).isTrue();
        assertThat(mine.at("/0/credentials_sent").asBoolean()).isTrue();
        assertThat(http.get(BASE + "/" + id, bearer(firm)).text("/company_name")).isEqualTo("Cabinet Conseil Sahel");
        // The firm's account has no staff rights.
        assertThat(http.get(BASE, bearer(firm)).status()).isEqualTo(403);
        assertThat(http.patch(BASE + "/" + id + "/approve", null, bearer(firm)).status()).isEqualTo(403);

        // Staff find it among the paid applications and approve it; the firm is told.
        String staff = staffWith("can_view_cabinet_application", "can_change_cabinet_application_status");
        assertThat(http.get(BASE + "/paid?limit=1000", bearer(staff)).json().valueStream().map(a -> a.path("id").asString()))
                .contains(id);
        assertThat(http.patch(BASE + "/" + id + "/approve", null, bearer(staff)).text("/status")).isEqualTo("approved");
        assertThat(TestMail.subject(mailWithSubject(email, "approuvée"))).isEqualTo("La candidature de votre cabinet est approuvée");
        assertThat(http.get(BASE + "/my-applications", bearer(firm)).at("/0/status").asString()).isEqualTo("approved");
    }
}
