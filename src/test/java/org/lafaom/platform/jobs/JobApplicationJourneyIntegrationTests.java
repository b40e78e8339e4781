package org.lafaom.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Eventually;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.JobFlowTest;
import org.lafaom.platform.support.TestMail;

/** A candidate's whole journey, each step through the HTTP API as the two web clients make it. */
class JobApplicationJourneyIntegrationTests extends JobFlowTest {

    @Test
    void whenACandidateAppliesWithDocumentsPaysAndIsAcceptedThenEachStepIsRecordedAndMailed() {
        // Staff publish an offer asking for a CV and a letter, with a 50 EUR fee.
        String offer = offer("50", "EUR", "CV", "LETTER");
        assertThat(http.get("/api/v1/job-offers/" + offer).text("/data/attachment/0")).isEqualTo("CV");

        // The candidate uploads both documents, then applies, and is sent to CinetPay.
        String email = uniqueEmail("journey");
        String cv = upload("CV");
        String letter = upload("LETTER");
        Http.Response applied = apply(offer, email, List.of(document("CV", cv), document("LETTER", letter)));
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        int applicationId = applied.at("/data/job_application/id").asInt();
        String number = applied.text("/data/job_application/application_number");
        String tx = applied.text("/data/payment/transaction_id");
        assertThat(applied.text("/data/payment/payment_link")).isEqualTo(
                jdbc.sql("SELECT payment_url FROM cinetpay_payments WHERE transaction_id = :tx").param("tx", tx).query(String.class).single());

        // They pay 33 750 XAF at CinetPay, which notifies us; the check says ACCEPTED.
        assertThat(CINETPAY.opened(tx).amount()).isEqualTo(33750);
        CINETPAY.pay(tx);
        assertThat(notifyCinetPay(CINETPAY.notification(tx, true)).status()).isEqualTo(200);
        awaitPaymentStatus(tx, "accepted");

        // The application is paid, and the candidate gets one confirmation with their number.
        String viewer = staffWith("can_view_job_application", "can_change_job_application_status", "can_view_payment");
        Http.Response read = http.get("/api/v1/job-applications/" + applicationId, Http.Options.bearer(viewer));
        assertThat(read.at("/data/is_paid").asBoolean()).isTrue();
        String paymentId = read.text("/data/payment_id");
        assertThat(http.get("/api/v1/payments/payments/" + paymentId, Http.Options.bearer(viewer)).text("/data/status"))
                .isEqualTo("accepted");
        Eventually.await("confirmation e-mail", () -> TestMail.to(email).size() == 1);
        assertThat(TestMail.body(TestMail.to(email).getFirst())).contains(number);
        assertThat(http.get("/api/v1/payments/check-status/" + tx).text("/data/status")).isEqualTo("accepted");

        // Staff open the CV through a download link.
        int cvId = http.get("/api/v1/job-applications/" + applicationId + "/attachments", Http.Options.bearer(viewer))
                .at("/data/0/id").asInt();
        String link = http.get("/api/v1/job-attachments/" + cvId + "/download", Http.Options.bearer(viewer)).text("/data/download_url");
        assertThat(http.get(link.substring(PUBLIC_URL.length())).raw().body()).isEqualTo(PDF);

        // Staff accept the application; the candidate is told, in French.
        Http.Response decided = http.post("/api/v1/job-applications/change-status",
                Map.of("application_id", applicationId, "status", "APPROVED"), Http.Options.bearer(viewer));
        assertThat(decided.text("/data/status")).isEqualTo("APPROVED");
        Eventually.await("decision e-mail", () -> TestMail.to(email).size() == 2);
        assertThat(TestMail.subject(TestMail.to(email).getLast())).isEqualTo("Votre candidature " + number + " est retenue");

        // A late duplicate notification changes nothing.
        assertThat(notifyCinetPay(CINETPAY.notification(tx, true)).status()).isEqualTo(200);
        awaitNoConfirmationQueued(tx);
        assertThat(paymentStatus(tx)).isEqualTo("accepted");
        assertThat(TestMail.to(email)).hasSize(2);
    }
}
