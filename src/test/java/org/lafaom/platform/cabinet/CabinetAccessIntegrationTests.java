package org.lafaom.platform.cabinet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;

/**
 * Privacy of the public routes: reading or changing an application by id or e-mail, and its payment
 * status, need the applicant's token, the firm's own account, or the staff permission. Everyone
 * else gets the same 404 as for an application that does not exist.
 */
class CabinetAccessIntegrationTests extends CabinetTest {

    @Test
    void whenNoProofIsGivenThenEveryPublicReadAnswersLikeAnUnknownApplication() {
        Http.Response mine = applied(uniqueEmail("private"));
        String id = mine.text("/id");
        String email = mine.text("/contact_email");
        String unknownId = UUID.randomUUID().toString();

        List<Function<String, Http.Response>> reads = List.of(
                anId -> http.get(BASE + "/" + anId, Http.Options.from(newAddress())),
                anId -> http.get(BASE + "/" + anId + "/payment-status", Http.Options.from(newAddress())),
                anId -> http.put(BASE + "/" + anId, Map.of("company_name", "Changed By A Stranger"), Http.Options.from(newAddress())),
                anId -> http.get(BASE + "/" + anId + "/documents", Http.Options.from(newAddress())));
        for (Function<String, Http.Response> read : reads) {
            Http.Response existing = read.apply(id);
            Http.Response unknown = read.apply(unknownId);
            assertThat(existing.status()).isEqualTo(404);
            assertThat(existing.body()).isEqualTo(unknown.body());
            assertThat(existing.text("/detail")).isEqualTo("Candidature non trouvée");
        }
        Http.Response byEmail = http.get(BASE + "/email/" + email);
        Http.Response byUnknownEmail = http.get(BASE + "/email/" + uniqueEmail("nobody"));
        assertThat(byEmail.status()).isEqualTo(404);
        assertThat(byEmail.body()).isEqualTo(byUnknownEmail.body());
        assertThat(jdbc.sql("SELECT company_name FROM cabinet_applications WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("Cabinet Conseil Sahel");
    }

    @Test
    void whenTheApplicationTokenIsGivenThenTheApplicantReadsAndUpdatesOnlyTheirOwnApplication() {
        Http.Response mine = applied(uniqueEmail("holder"));
        Http.Response theirs = applied(uniqueEmail("other-firm"));
        String token = mine.text("/application_token");
        String id = mine.text("/id");

        Http.Response read = http.get(BASE + "/" + id, token(token));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("/company_name")).isEqualTo("Cabinet Conseil Sahel");
        assertThat(read.text("/payment_url")).isEqualTo(mine.text("/payment_url"));
        assertThat(read.json().has("application_token")).isFalse();
        assertThat(http.get(BASE + "/" + id + "?token=" + token).status()).isEqualTo(200);
        assertThat(http.get(BASE + "/email/" + mine.text("/contact_email").toUpperCase(), token(token)).text("/id")).isEqualTo(id);

        Http.Response status = http.get(BASE + "/" + id + "/payment-status", token(token));
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.text("/application_id")).isEqualTo(id);
        assertThat(status.text("/payment_status")).isEqualTo("pending");
        assertThat(status.text("/status")).isEqualTo("pending");
        assertThat(status.text("/payment_reference")).isEqualTo(mine.text("/payment_reference"));
        assertThat(status.at("/payment_amount").decimalValue()).isEqualByComparingTo("50");
        assertThat(status.text("/payment_currency")).isEqualTo("EUR");

        Http.Response updated = http.put(BASE + "/" + id, Map.of("company_name", "Cabinet Conseil Sahel SARL", "references", "",
                "status", "approved", "payment_status", "paid"), token(token));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.text("/company_name")).isEqualTo("Cabinet Conseil Sahel SARL");
        assertThat(updated.at("/references").isNull()).isTrue();
        assertThat(updated.text("/qualifications")).isEqualTo("ISO 9001, audit financier");
        assertThat(updated.text("/status")).isEqualTo("pending");
        assertThat(dbStatus(id)).isEqualTo("PENDING/PENDING");

        Http.Response invalid = http.put(BASE + "/" + id, Map.of("address", "court"), token(token));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.text("/detail")).contains("address");

        // One firm's token opens nothing of another firm.
        String theirId = theirs.text("/id");
        assertThat(http.get(BASE + "/" + theirId, token(token)).status()).isEqualTo(404);
        assertThat(http.get(BASE + "/email/" + theirs.text("/contact_email"), token(token)).status()).isEqualTo(404);
        assertThat(http.put(BASE + "/" + theirId, Map.of("company_name", "Taken Over"), token(token)).status()).isEqualTo(404);
        assertThat(http.get(BASE + "/" + theirId + "/payment-status", token(token)).status()).isEqualTo(404);
        assertThat(http.get(BASE + "/" + id, token("not-the-token")).status()).isEqualTo(404);
    }

    @Test
    void whenStaffReadThenThePermissionDecidesAndWithoutItTheAnswerIsTheSame404() {
        Http.Response app = applied(uniqueEmail("staff-read"));
        String id = app.text("/id");
        String viewer = staffWith("can_view_cabinet_application");
        String changer = staffWith("can_change_cabinet_application_status");
        String nobody = staffWith();

        assertThat(http.get(BASE + "/" + id, bearer(viewer)).text("/id")).isEqualTo(id);
        assertThat(http.get(BASE + "/email/" + app.text("/contact_email"), bearer(viewer)).text("/id")).isEqualTo(id);
        assertThat(http.get(BASE + "/" + id + "/payment-status", bearer(viewer)).status()).isEqualTo(200);
        assertThat(http.get(BASE + "/" + id, bearer(nobody)).status()).isEqualTo(404);
        assertThat(http.get(BASE + "/" + id + "/payment-status", bearer(nobody)).status()).isEqualTo(404);

        // Correcting an application is for staff who may change them.
        assertThat(http.put(BASE + "/" + id, Map.of("contact_phone", "+221 77 111 22 33"), bearer(viewer)).status()).isEqualTo(404);
        Http.Response corrected = http.put(BASE + "/" + id, Map.of("contact_phone", "+221 77 111 22 33"), bearer(changer));
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.text("/contact_phone")).isEqualTo("+221 77 111 22 33");
    }

    @Test
    void whenAnUnknownIdIsAskedByStaffThenTheAnswerIs404WithTheFrenchDetail() {
        String viewer = staffWith("can_view_cabinet_application", "can_change_cabinet_application_status");
        Http.Response r = http.get(BASE + "/" + UUID.randomUUID(), bearer(viewer));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text("/detail")).isEqualTo("Candidature non trouvée");
        assertThat(r.text("/error_code")).isEqualTo("cabinet_application_not_found");
        assertThat(http.patch(BASE + "/" + UUID.randomUUID() + "/approve", null, bearer(viewer)).status()).isEqualTo(404);
        assertThat(http.patch(BASE + "/not-a-uuid/reject", null, bearer(viewer)).status()).isEqualTo(404);
    }

    @Test
    void whenTheOldPaymentWebhookIsCalledThenItAnswers410AndMarksNothingPaid() {
        Http.Response app = applied(uniqueEmail("webhook"));
        String id = app.text("/id");
        Http.Response r = http.post(BASE + "/payment-webhook", Map.of("transaction_id", app.text("/payment_reference"),
                "status", "success", "amount", 50, "currency", "EUR", "customer_email", app.text("/contact_email"),
                "payment_reference", app.text("/payment_reference")), Http.Options.from(newAddress()));
        assertThat(r.status()).isEqualTo(410);
        assertThat(r.text("/detail")).contains("/api/v1/payments/cinetpay/notify");
        assertThat(http.postRaw(BASE + "/payment-webhook", "text/plain", "garbage".getBytes(), new Http.Options()).status())
                .isEqualTo(410);
        assertThat(dbStatus(id)).isEqualTo("PENDING/PENDING");
        assertThat(paymentStatus(app.text("/payment_reference"))).isEqualTo("pending");
    }
}
