package org.lafaom.platform.cabinet;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.cache.RateLimiter;
import org.springframework.beans.factory.annotation.Autowired;
import org.lafaom.platform.support.FakeCinetPay;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.TestMail;

/** The public application: validation, the payment opened in the same transaction, duplicates and retries. */
class CabinetApplicationIntegrationTests extends CabinetTest {

    @Autowired
    RateLimiter limiter;

    @Test
    void whenOneAddressAppliesTooOftenThenItIsTold429WithRetryAfterAndNothingIsCreated() {
        String address = newAddress();
        for (int i = 0; i < 10; i++) {
            limiter.hit("cabinet-application", address, 10, java.time.Duration.ofHours(1));
        }
        String email = uniqueEmail("throttled");
        Http.Response r = http.post(BASE, application(email), Http.Options.from(address));
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isNotBlank();
        assertThat(r.text("/detail")).isNotBlank();
        assertThat(r.text("/error_code")).isEqualTo("too_many_requests");
        assertThat(jdbc.sql("SELECT count(*) FROM cabinet_applications WHERE contact_email = :e").param("e", email)
                .query(Long.class).single()).isZero();
        assertThat(CINETPAY.initiationsFor(email)).isEmpty();
    }

    @Test
    void whenAFirmAppliesThenTheApplicationIsCreatedWithItsPaymentLinkAndToken() {
        String email = uniqueEmail("Firm").toUpperCase();
        Map<String, Object> body = application(email);
        body.put("unknown_field", "ignored");
        Http.Response r = apply(body);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.text("/id");
        String tx = r.text("/payment_reference");
        assertThat(r.text("/contact_email")).isEqualTo(email.toLowerCase());
        assertThat(r.text("/company_name")).isEqualTo("Cabinet Conseil Sahel");
        assertThat(r.at("/experience_years").asInt()).isEqualTo(8);
        assertThat(r.text("/status")).isEqualTo("pending");
        assertThat(r.text("/payment_status")).isEqualTo("pending");
        assertThat(r.at("/payment_amount").decimalValue()).isEqualByComparingTo("50");
        assertThat(r.text("/payment_currency")).isEqualTo("EUR");
        assertThat(r.at("/payment_date").isNull()).isTrue();
        assertThat(r.at("/account_created").asBoolean()).isFalse();
        assertThat(r.at("/credentials_sent").asBoolean()).isFalse();
        assertThat(r.text("/created_at")).isNotBlank();
        assertThat(r.text("/updated_at")).isNotBlank();
        assertThat(r.text("/payment_url")).startsWith("https://checkout.cinetpay.com/");
        assertThat(r.text("/application_token")).hasSize(43);
        assertThat(r.json().has("success")).isFalse();

        // Stored as the legacy schema says: native enums with upper-case names, the transaction as reference.
        assertThat(dbStatus(id)).isEqualTo("PENDING/PENDING");
        assertThat(jdbc.sql("SELECT payment_reference FROM cabinet_applications WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo(tx);
        assertThat(jdbc.sql("SELECT access_token_hash FROM cabinet_applications WHERE id = :id").param("id", id)
                .query(String.class).single()).doesNotContain(r.text("/application_token"));

        // CinetPay was asked for 50 EUR at the fixed rate, for this payable.
        FakeCinetPay.Opened opened = CINETPAY.opened(tx);
        assertThat(opened.amount()).isEqualTo(33750);
        assertThat(opened.request().path("description").asString()).isEqualTo("Frais de candidature cabinet LAFAOM - Cabinet Conseil Sahel");
        assertThat(opened.request().path("invoice_data").path("payable").asString()).isEqualTo("CabinetApplication");
        assertThat(opened.request().path("invoice_data").path("payable_id").asString()).isEqualTo(id);
        assertThat(jdbc.sql("SELECT payable_id FROM payments WHERE transaction_id = :tx").param("tx", tx).query(String.class).single())
                .isEqualTo(id);

        // The firm is e-mailed the link and its token, in French.
        MimeMessage mail = awaitMails(email.toLowerCase(), 1).getFirst();
        assertThat(TestMail.subject(mail)).contains("lien de paiement");
        assertThat(TestMail.body(mail)).contains(r.text("/payment_url")).contains(id);
        assertThat(tokenIn(mail)).isEqualTo(r.text("/application_token"));
    }

    @Test
    void whenTheFormIsIncompleteOrInvalidThenEachMistakeIsA422WithADetailAndNothingIsStored() {
        Map<String, Object> cases = Map.of(
                "company_name", "A",
                "contact_email", "not-an-email",
                "contact_phone", "1234",
                "address", "Dakar",
                "registration_number", "SN1",
                "experience_years", 51);
        cases.forEach((field, value) -> {
            String email = uniqueEmail("invalid");
            Map<String, Object> body = application(email);
            body.put(field, value);
            Http.Response r = apply(body);
            assertThat(r.status()).as(field + ": " + r.body()).isEqualTo(422);
            assertThat(r.text("/detail")).as(field).startsWith("Validation error: " + field);
            assertThat(r.text("/error_code")).isEqualTo("validation_error");
            assertThat(r.at("/error/0/loc/1").asString()).isEqualTo(field);
            assertThat(jdbc.sql("SELECT count(*) FROM cabinet_applications WHERE lower(contact_email) = lower(:e)")
                    .param("e", email).query(Long.class).single()).isZero();
        });
        Map<String, Object> missing = application(uniqueEmail("missing"));
        missing.remove("experience_years");
        missing.remove("company_name");
        Http.Response r = apply(missing);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.text("/detail")).contains("company_name").contains("experience_years");
        Http.Response negative = apply(Map.of("experience_years", -1));
        assertThat(negative.status()).isEqualTo(422);
        Http.Response notJson = http.postRaw(BASE, "application/json", "{not json".getBytes(), Http.Options.from(newAddress()));
        assertThat(notJson.status()).isEqualTo(422);
        assertThat(notJson.text("/detail")).isNotBlank();
        Http.Response wrongType = apply(Map.of("company_name", "Cabinet", "experience_years", "many"));
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.text("/detail")).contains("experience_years");
    }

    @Test
    void whenOptionalTextsAreEmptyThenTheyAreStoredAsAbsent() {
        Map<String, Object> body = application(uniqueEmail("empty"));
        body.put("qualifications", "");
        body.put("references", "   ");
        body.remove("financial_proposal");
        Http.Response r = apply(body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.at("/qualifications").isNull()).isTrue();
        assertThat(r.at("/references").isNull()).isTrue();
        assertThat(r.at("/financial_proposal").isNull()).isTrue();
        assertThat(r.text("/technical_proposal")).startsWith("Une méthode");
    }

    @Test
    void whenCinetPayRefusesToOpenThePaymentThenNoApplicationIsLeftAndTheFirmMayApplyAgain() {
        String email = uniqueEmail("refused");
        CINETPAY.failInitiationFor(email, FakeCinetPay.InitFailure.ERROR_CODE);
        Http.Response r = apply(application(email));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.text("/error_code")).isEqualTo("payment_initiation_failed");
        assertThat(r.text("/detail")).startsWith("Payment initiation failed");
        assertThat(jdbc.sql("SELECT count(*) FROM cabinet_applications WHERE contact_email = :e").param("e", email)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM payments WHERE transaction_id = :tx")
                .param("tx", CINETPAY.initiationsFor(email).getFirst()).query(Long.class).single()).isZero();

        CINETPAY.failInitiationFor(email, FakeCinetPay.InitFailure.HTTP_500);
        assertThat(apply(application(email)).status()).isEqualTo(400);
        String other = uniqueEmail("refused-then-ok");
        assertThat(apply(application(other)).status()).isEqualTo(201);
    }

    @Test
    void whenTheEmailAlreadyAppliedAndPaidThenTheAnswerIs409WithADetailAndNothingIsMailed() {
        String email = uniqueEmail("twice");
        paidApplication(email);
        int mails = awaitMails(email, 2).size();

        Map<String, Object> again = application(email.toUpperCase());
        again.put("company_name", "Someone Else");
        Http.Response r = apply(again);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.text("/detail")).startsWith("Une candidature existe déjà pour cet email");
        assertThat(r.text("/error_code")).isEqualTo("cabinet_application_already_exists");
        assertThat(r.text("/message")).isEqualTo(r.text("/detail"));
        assertThat(jdbc.sql("SELECT company_name FROM cabinet_applications WHERE contact_email = :e").param("e", email)
                .query(String.class).single()).isEqualTo("Cabinet Conseil Sahel");
        assertThat(TestMail.to(email)).hasSize(mails);
    }

    @Test
    void whenAnUnpaidFirmAppliesAgainThenItsOpenPaymentLinkIsMailedAndNoDataIsReplacedOrShown() {
        String email = uniqueEmail("again");
        Http.Response first = applied(email);
        awaitMails(email, 1);

        Map<String, Object> again = application(email);
        again.put("company_name", "Not The Firm");
        Http.Response r = apply(again);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.text("/detail")).contains("lien de paiement est envoyé à cette adresse");
        assertThat(r.body()).doesNotContain(first.text("/id")).doesNotContain("Cabinet Conseil Sahel");
        assertThat(jdbc.sql("SELECT company_name FROM cabinet_applications WHERE id = :id").param("id", first.text("/id"))
                .query(String.class).single()).isEqualTo("Cabinet Conseil Sahel");
        // The open payment is still the one to pay: no second transaction while it is in flight.
        assertThat(CINETPAY.initiationsFor(email)).hasSize(1);
    }

    @Test
    void whenTheLastPaymentWasRefusedThenApplyingAgainOpensANewPaymentAndMailsItWithANewToken() {
        String email = uniqueEmail("retry");
        Http.Response first = applied(email);
        String id = first.text("/id");
        String tx = first.text("/payment_reference");
        CINETPAY.refuse(tx);
        assertThat(notifyCinetPay(CINETPAY.notification(tx, true)).status()).isEqualTo(200);
        awaitPaymentStatus(tx, "refused");

        Http.Response r = apply(application(email));
        assertThat(r.status()).isEqualTo(409);
        assertThat(CINETPAY.initiationsFor(email)).hasSize(2);
        String newTx = jdbc.sql("SELECT payment_reference FROM cabinet_applications WHERE id = :id").param("id", id)
                .query(String.class).single();
        assertThat(newTx).isNotEqualTo(tx);
        String newLink = linkOf(newTx);
        MimeMessage link = awaitMails(email, 2).stream().filter(m -> TestMail.body(m).contains(newLink)).findFirst().orElseThrow();
        String newToken = tokenIn(link);
        assertThat(newToken).isNotEqualTo(first.text("/application_token"));
        // The new token works, the old one no longer does.
        assertThat(http.get(BASE + "/" + id, token(newToken)).status()).isEqualTo(200);
        assertThat(http.get(BASE + "/" + id, token(first.text("/application_token"))).status()).isEqualTo(404);

        pay(newTx);
        assertThat(dbStatus(id)).isEqualTo("PAID/PAID");
    }

    private String linkOf(String transactionId) {
        return jdbc.sql("SELECT payment_url FROM cinetpay_payments WHERE transaction_id = :tx").param("tx", transactionId)
                .query(String.class).single();
    }

    @Test
    void whenTheApplicationIsInEnglishThenItsEmailsAreInEnglish() {
        String email = uniqueEmail("english");
        Http.Response r = apply(application(email), "en-GB,en;q=0.9");
        assertThat(r.status()).isEqualTo(201);
        assertThat(TestMail.subject(awaitMails(email, 1).getFirst())).isEqualTo("Your LAFAOM-MAO firm application: payment link");
    }
}
