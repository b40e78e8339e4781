package org.lafaom.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Eventually;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.JobFlowTest;
import org.lafaom.platform.support.TestMail;

/** The public application's rules and the staff routes over applications. */
class JobApplicationIntegrationTests extends JobFlowTest {

    private int applicationId(Http.Response applied) {
        return applied.at("/data/job_application/id").asInt();
    }

    @Test
    void whenACandidateAppliesThenTheAnswerHasTheApplicationAndWhereToPay() {
        String offer = offer("50", "EUR", "CV", "LETTER");
        String email = uniqueEmail("candidate");

        Http.Response r = apply(offer, email, List.of(document("CV", upload("CV")), document("LETTER", upload("Lettre"))));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.text("/message")).isEqualTo("Job application created successfully");
        assertThat(r.text("/data/job_application/application_number")).matches("APP-REF-[A-Z0-9]+-0001-\\d{14}");
        assertThat(r.text("/data/job_application/status")).isEqualTo("RECEIVED");
        assertThat(r.at("/data/job_application/submission_fee").decimalValue()).isEqualByComparingTo("50");
        assertThat(r.text("/data/job_application/currency")).isEqualTo("EUR");
        assertThat(r.at("/data/job_application/payment_id").isNull()).isTrue();
        assertThat(r.at("/data/job_application/is_paid").asBoolean()).isFalse();
        assertThat(r.at("/data/job_application/date_of_birth").isNull()).isTrue();
        assertThat(r.text("/data/payment/payment_provider")).isEqualTo("CINETPAY");
        assertThat(r.at("/data/payment/amount").decimalValue()).isEqualByComparingTo("50");
        assertThat(r.text("/data/payment/payment_link")).startsWith("https://checkout.cinetpay.com/");
        int id = applicationId(r);
        assertThat(jdbc.sql("SELECT count(*) FROM job_attachments WHERE application_id = :a").param("a", id)
                .query(Long.class).single()).isEqualTo(2);
        // Unpaid: no e-mail yet, it comes with the payment.
        assertThat(TestMail.to(email)).isEmpty();
    }

    @Test
    void whenTheOfferIsUnknownClosedOrADocumentIsMissingThenTheApplicationIsRefused() {
        String open = offer("10", "EUR", "CV", "DIPLOMA");
        String closed = offer("10", "EUR", LocalDate.now().minusDays(1));
        String lastDay = offer("0", "EUR", LocalDate.now());
        String cv = upload("CV");

        Http.Response unknown = apply(UUID.randomUUID().toString(), uniqueEmail("c"), List.of());
        Http.Response late = apply(closed, uniqueEmail("c"), List.of());
        Http.Response onTime = apply(lastDay, uniqueEmail("c"), List.of());
        Http.Response missing = apply(open, uniqueEmail("c"), List.of(document("CV", cv)));
        Http.Response notUploaded = apply(open, uniqueEmail("c"), List.of(document("CV", cv),
                document("DIPLOMA", "static/uploads/job-applications/someone-else.pdf")));
        Http.Response twice = apply(open, uniqueEmail("c"), List.of(document("CV", cv), document("DIPLOMA", cv)));

        assertThat(unknown.text("/error_code")).isEqualTo("job_offer_not_found");
        assertThat(late.text("/error_code")).isEqualTo("job_offer_closed");
        assertThat(onTime.status()).isEqualTo(200);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("/error_code")).isEqualTo("job_attachment_required");
        assertThat(missing.text("/message")).isEqualTo("Job attachment 'DIPLOMA' is required");
        assertThat(notUploaded.text("/error_code")).isEqualTo("job_attachment_not_found");
        assertThat(twice.text("/error_code")).isEqualTo("job_attachment_not_found");
        assertThat(jdbc.sql("SELECT application_id FROM job_attachments WHERE file_path = :p").param("p", cv)
                .query(Integer.class).optional()).isEmpty();
    }

    @Test
    void whenADocumentBelongsToAnotherApplicationThenItCannotBeClaimed() {
        String offer = offer("0", "EUR", "CV");
        String cv = upload("CV");
        assertThat(apply(offer, uniqueEmail("first"), List.of(document("CV", cv))).status()).isEqualTo(200);

        Http.Response thief = apply(offer, uniqueEmail("second"), List.of(document("CV", cv)));

        assertThat(thief.status()).isEqualTo(400);
        assertThat(thief.text("/error_code")).isEqualTo("job_attachment_not_found");
    }

    @Test
    void whenTheApplicationIsInvalidThenItIsAValidationError() {
        String offer = offer("0", "EUR");
        Http.Response badEmail = http.post("/api/v1/job-applications", Map.of("job_offer_id", offer, "email", "not-an-email",
                "phone_number", "1", "first_name", "A", "last_name", "B"), Http.Options.from(newAddress()));
        Http.Response noName = http.post("/api/v1/job-applications", Map.of("job_offer_id", offer, "email", uniqueEmail("x"),
                "phone_number", "1", "last_name", "B"), Http.Options.from(newAddress()));
        Http.Response badDocument = http.post("/api/v1/job-applications", Map.of("job_offer_id", offer, "email", uniqueEmail("x"),
                "phone_number", "1", "first_name", "A", "last_name", "B", "attachments", List.of(Map.of("name", "cv", "type", "CV"))),
                Http.Options.from(newAddress()));

        assertThat(badEmail.status()).isEqualTo(422);
        assertThat(noName.status()).isEqualTo(422);
        assertThat(badDocument.status()).isEqualTo(422);
    }

    @Test
    void whenThereIsNothingToPayThenTheApplicationIsCompleteAtOnceAndConfirmedByEmailInEnglish() {
        String offer = offer("0", "EUR");
        String email = uniqueEmail("free");

        Http.Response r = apply(offer, email, List.of(), "en-GB,en;q=0.9");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.at("/data/payment").isNull()).isTrue();
        assertThat(r.at("/data/job_application/is_paid").asBoolean()).isTrue();
        Eventually.await("confirmation", () -> !TestMail.to(email).isEmpty());
        assertThat(TestMail.subject(TestMail.to(email).getFirst())).startsWith("Your application APP-");
    }

    @Test
    void whenStaffFilterByPaymentThenIsPaidMeansWhatItSaysAndTotalsMatch() {
        String token = staffWith("can_view_job_application");
        String free = offer("0", "EUR");
        String paidOffer = offer("10", "EUR");
        String marker = "Filtre" + UUID.randomUUID().toString().substring(0, 6);
        Http.Response freeApp = apply(free, uniqueEmail(marker.toLowerCase()), List.of());
        Http.Response unpaidApp = apply(paidOffer, uniqueEmail(marker.toLowerCase()), List.of());
        String tx = unpaidApp.text("/data/payment/transaction_id");

        String base = "/api/v1/job-applications?search=" + marker.toLowerCase();
        Http.Response all = http.get(base, Http.Options.bearer(token));
        Http.Response paid = http.get(base + "&is_paid=true", Http.Options.bearer(token));
        Http.Response unpaid = http.get(base + "&is_paid=false", Http.Options.bearer(token));
        Http.Response byOffer = http.get("/api/v1/job-applications?job_offer_id=" + paidOffer, Http.Options.bearer(token));
        Http.Response byTitle = http.get("/api/v1/job-applications?search=charg%C3%A9%20de%20projet&page_size=1", Http.Options.bearer(token));

        assertThat(all.at("/total_number").asLong()).isEqualTo(2);
        assertThat(paid.at("/total_number").asLong()).isEqualTo(1);
        assertThat(paid.at("/data/0/id").asInt()).isEqualTo(applicationId(freeApp));
        assertThat(unpaid.at("/total_number").asLong()).isEqualTo(1);
        assertThat(unpaid.at("/data/0/id").asInt()).isEqualTo(applicationId(unpaidApp));
        assertThat(byOffer.at("/total_number").asLong()).isEqualTo(1);
        // The total is counted over the same join with offers as the page (the old count lacked it).
        assertThat(byTitle.at("/number").asInt()).isEqualTo(1);
        assertThat(byTitle.at("/total_number").asLong()).isGreaterThanOrEqualTo(2);

        CINETPAY.pay(tx);
        notifyCinetPay(CINETPAY.notification(tx, true));
        awaitPaymentStatus(tx, "accepted");
        assertThat(http.get(base + "&is_paid=true", Http.Options.bearer(token)).at("/total_number").asLong()).isEqualTo(2);
        assertThat(http.get(base + "&is_paid=false", Http.Options.bearer(token)).at("/total_number").asLong()).isZero();
        assertThat(http.get(base + "&status=received", Http.Options.bearer(token)).at("/total_number").asLong()).isEqualTo(2);
        assertThat(http.get(base + "&status=HIRED", Http.Options.bearer(token)).status()).isEqualTo(422);
        assertThat(http.get(base + "&is_paid=maybe", Http.Options.bearer(token)).status()).isEqualTo(422);
    }

    @Test
    void whenStaffReadAnApplicationThenItComesWithItsDocumentsAndNeedsThePermission() {
        String offer = offer("0", "EUR", "CV");
        Http.Response applied = apply(offer, uniqueEmail("read"), List.of(document("CV", upload("CV"))));
        int id = applicationId(applied);
        String token = staffWith("can_view_job_application");

        Http.Response read = http.get("/api/v1/job-applications/" + id, Http.Options.bearer(token));
        Http.Response docs = http.get("/api/v1/job-applications/" + id + "/attachments", Http.Options.bearer(token));

        assertThat(read.text("/message")).isEqualTo("Job application fetched successfully");
        assertThat(read.text("/data/attachments/0/document_type")).isEqualTo("CV");
        assertThat(docs.text("/data/0/name")).isEqualTo("cv.pdf");
        assertThat(docs.at("/data/0/application_id").asInt()).isEqualTo(id);
        assertThat(http.get("/api/v1/job-applications/" + id, Http.Options.bearer(staffWith())).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/job-applications/999999", Http.Options.bearer(token)).text("/error_code"))
                .isEqualTo("job_application_not_found");
        assertThat(http.get("/api/v1/job-applications/999999/attachments", Http.Options.bearer(token)).text("/error_code"))
                .isEqualTo("job_application_not_found");
        assertThat(http.get("/api/v1/job-applications/abc", Http.Options.bearer(token)).status()).isEqualTo(422);
    }

    @Test
    void whenStaffDecideThenUnpaidApplicationsAreRefusedAndTheCandidateIsMailedInTheirLanguage() {
        String token = staffWith("can_change_job_application_status");
        String unpaidOffer = offer("10", "EUR");
        int unpaid = applicationId(apply(unpaidOffer, uniqueEmail("unpaid"), List.of()));
        String frEmail = uniqueEmail("approved");
        String enEmail = uniqueEmail("refused");
        int fr = applicationId(apply(offer("0", "EUR"), frEmail, List.of()));
        int en = applicationId(apply(offer("0", "EUR"), enEmail, List.of(), "en"));
        Eventually.await("confirmations", () -> TestMail.to(frEmail).size() == 1 && TestMail.to(enEmail).size() == 1);

        Http.Response refusedUnpaid = http.post("/api/v1/job-applications/change-status",
                Map.of("application_id", unpaid, "status", "APPROVED"), Http.Options.bearer(token));
        Http.Response approved = http.post("/api/v1/job-applications/change-status",
                Map.of("application_id", fr, "status", "APPROVED"), Http.Options.bearer(token));
        Http.Response refused = http.post("/api/v1/job-applications/change-status",
                Map.of("application_id", en, "status", "REFUSED", "reason", "Profile does not match"), Http.Options.bearer(token));
        Http.Response unknown = http.post("/api/v1/job-applications/change-status",
                Map.of("application_id", 999999, "status", "APPROVED"), Http.Options.bearer(token));
        Http.Response badStatus = http.post("/api/v1/job-applications/change-status",
                Map.of("application_id", fr, "status", "HIRED"), Http.Options.bearer(token));
        Http.Response noPermission = http.post("/api/v1/job-applications/change-status",
                Map.of("application_id", fr, "status", "REFUSED"), Http.Options.bearer(staffWith()));

        assertThat(refusedUnpaid.text("/error_code")).isEqualTo("cannot_approve_unpaid_application");
        assertThat(approved.text("/data/status")).isEqualTo("APPROVED");
        assertThat(approved.text("/message")).isEqualTo("Job application fetched successfully");
        assertThat(refused.text("/data/refusal_reason")).isEqualTo("Profile does not match");
        assertThat(unknown.text("/error_code")).isEqualTo("job_application_not_found");
        assertThat(badStatus.status()).isEqualTo(422);
        assertThat(noPermission.status()).isEqualTo(403);
        Eventually.await("decision e-mails", () -> TestMail.to(frEmail).size() == 2 && TestMail.to(enEmail).size() == 2);
        assertThat(TestMail.subject(TestMail.to(frEmail).getLast())).startsWith("Votre candidature").endsWith("est retenue");
        assertThat(TestMail.subject(TestMail.to(enEmail).getLast())).startsWith("About your application");
        assertThat(TestMail.body(TestMail.to(enEmail).getLast())).contains("Profile does not match");
    }

    @Test
    void whenStaffDeleteAnApplicationThenItIsHiddenAndTheRouteNeedsItsPermission() {
        int id = applicationId(apply(offer("0", "EUR"), uniqueEmail("deleted"), List.of()));
        String viewer = staffWith("can_view_job_application");

        assertThat(http.delete("/api/v1/job-applications/" + id, Http.Options.bearer(viewer)).status()).isEqualTo(403);
        Http.Response deleted = http.delete("/api/v1/job-applications/" + id, Http.Options.bearer(adminToken()));

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.at("/data/id").asInt()).isEqualTo(id);
        assertThat(http.get("/api/v1/job-applications/" + id, Http.Options.bearer(viewer)).text("/error_code"))
                .isEqualTo("job_application_not_found");
    }
}
