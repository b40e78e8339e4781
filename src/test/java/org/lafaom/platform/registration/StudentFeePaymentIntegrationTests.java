package org.lafaom.platform.registration;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Eventually;
import org.lafaom.platform.support.FakeCinetPay;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.PaymentFlowTest;
import org.lafaom.platform.support.TestMail;
import org.lafaom.platform.support.TrainingFixtures;

/**
 * A student's fees paid through the fake CinetPay, end to end over HTTP: the public site's
 * anonymous apply, upload and submit (registration fee), then the training fee in instalments.
 */
class StudentFeePaymentIntegrationTests extends PaymentFlowTest {

    private static final String PASSWORD = "Student-Pass-1";

    TrainingFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new TrainingFixtures(http, adminToken());
    }

    @Test
    void whenThePublicSiteAppliesUploadsAndSubmitsThenThePaidFeeMakesTheApplicationReviewable() {
        String session = fx.session(fx.training(), Map.of("registration_fee", 5000, "required_attachments", List.of("cv")));
        String address = TrainingFixtures.freshAddress();
        String email = uniqueEmail("public");
        Http.Options site = Http.Options.from(address);
        int id = http.post("/api/v1/student-applications", Map.of("email", email, "target_session_id", session, "first_name", "Awa",
                "last_name", "Ndiaye", "attachments", List.of(Map.of("name", "cv")), "payment_method", "MOBILE_MONEY"), site)
                .at("/data/id").asInt();

        assertThat(submit(id, site).text("/error_code")).as("the required document is missing").isEqualTo("missing_required_attachments");
        Http.Response uploaded = http.uploadForm("/api/v1/my-student-applications/" + id + "/attachments", Map.of("name", "cv"), "file",
                "cv.pdf", "application/pdf", PDF, site);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        assertThat(http.get("/api/v1/my-student-applications/" + id + "/attachments", site).at("/data").size()).isEqualTo(1);

        Http.Response submitted = submit(id, site);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        String tx = submitted.text("/data/transaction_id");
        assertThat(submitted.at("/data/amount").decimalValue()).isEqualByComparingTo("5000");
        assertThat(submitted.text("/data/payment_link")).startsWith("http");
        FakeCinetPay.Opened opened = CINETPAY.opened(tx);
        assertThat(opened.amount()).as("XOF and XAF are at parity").isEqualTo(5000);
        assertThat(opened.request().path("metadata").asString()).isEqualTo("StudentApplication-" + id);
        assertThat(opened.request().path("customer_email").asString()).isEqualTo(email);
        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(submit(id, site).text("/data/transaction_id")).as("coming back returns the payment in flight").isEqualTo(tx);

        CINETPAY.pay(tx);
        assertThat(notifyCinetPay(CINETPAY.notification(tx, true)).status()).isEqualTo(200);
        awaitPaymentStatus(tx, "accepted");
        Eventually.await("fee paid", () -> paymentId(id) != null);
        MimeMessage receipt = awaitMail(email, "Frais d'inscription reçus");
        assertThat(TestMail.body(receipt)).contains("5000 XOF").contains(tx);

        assertThat(submit(id, site).text("/error_code")).as("a paid application is no longer the public site's to follow")
                .isEqualTo("student_application_not_found");
        Http.Response approved = http.post("/api/v1/student-applications/" + id + "/status", Map.of("status", "APPROVED", "reason", ""),
                fx.admin());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    @Test
    void whenAnotherClientOrALateOneFollowsUpAnonymouslyThenTheApplicationIsNotFound() {
        String session = fx.session(fx.training(), Map.of("registration_fee", 5000));
        Http.Options site = Http.Options.from(TrainingFixtures.freshAddress());
        int id = http.post("/api/v1/student-applications", Map.of("email", uniqueEmail("probe"), "target_session_id", session), site)
                .at("/data/id").asInt();
        Http.Options stranger = Http.Options.from(TrainingFixtures.freshAddress());

        assertNotFound(submit(id, stranger));
        assertNotFound(http.get("/api/v1/my-student-applications/" + id + "/attachments", stranger));
        assertNotFound(http.uploadForm("/api/v1/my-student-applications/" + id + "/attachments", Map.of("name", "cv"), "file", "cv.pdf",
                "application/pdf", PDF, stranger));
        assertThat(attachments(id)).isZero();

        jdbc.sql("UPDATE student_applications SET created_at = now() - interval '3 hours' WHERE id = :id").param("id", id).update();
        assertNotFound(submit(id, site));
        assertThat(status(id)).isEqualTo("RECEIVED");
        assertThat(jdbc.sql("SELECT count(*) FROM payments WHERE payable_id = :id AND payable_type = 'StudentApplication'")
                .param("id", String.valueOf(id)).query(Long.class).single()).isZero();
    }

    @Test
    void whenCinetPayFailsAtSubmissionThenTheApplicationStaysReceivedAndCanBeSubmittedLater() {
        String session = fx.session(fx.training(), Map.of("registration_fee", 5000));
        Student student = student();
        int id = fx.apply(student.email, session).at("/data/id").asInt();
        CINETPAY.failInitiationFor(student.email, FakeCinetPay.InitFailure.TIMEOUT);

        Http.Response failed = submit(id, student.auth());
        assertThat(failed.status()).as(failed.body()).isEqualTo(400);
        assertThat(failed.text("/error_code")).isEqualTo("payment_initiation_failed");
        assertThat(status(id)).isEqualTo("RECEIVED");
        assertThat(jdbc.sql("SELECT count(*) FROM payments WHERE payable_id = :id AND payable_type = 'StudentApplication'")
                .param("id", String.valueOf(id)).query(Long.class).single()).isZero();

        CINETPAY.failInitiationFor(student.email, null);
        Http.Response submitted = submit(id, student.auth());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(http.delete("/api/v1/my-student-applications/" + id, student.auth()).text("/error_code"))
                .as("no withdrawal while the fee may still be paid").isEqualTo("invalid_status_transition");
    }

    @Test
    void whenTheSameNotificationArrivesManyTimesAtOnceThenTheFeeIsRecordedAndMailedOnce() throws Exception {
        String session = fx.session(fx.training(), Map.of("registration_fee", 2500));
        Student student = student();
        int id = fx.apply(student.email, session).at("/data/id").asInt();
        String tx = submit(id, student.auth()).text("/data/transaction_id");
        CINETPAY.pay(tx);
        FakeCinetPay.Notification notification = CINETPAY.notification(tx, true);

        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return notifyCinetPay(notification).status();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        awaitPaymentStatus(tx, "accepted");
        awaitNoConfirmationQueued(tx);
        awaitMail(student.email, "Frais d'inscription reçus");
        Eventually.await("no e-mail left to send", () -> jdbc.sql(
                "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'send-mail' AND convert_from(task_data, 'UTF8') LIKE '%' || :e || '%'")
                .param("e", student.email).query(Long.class).single() == 0);
        assertThat(TestMail.to(student.email).stream().map(TestMail::subject).filter(s -> s.contains("Frais d'inscription"))).hasSize(1);
        assertThat(paymentId(id)).isEqualTo(jdbc.sql("SELECT id FROM payments WHERE transaction_id = :tx").param("tx", tx)
                .query(String.class).single());
    }

    @Test
    void whenTheTrainingFeeIsPaidInInstalmentsThenEachFollowsTheScheduleAndNothingIsOverpaid() {
        String session = fx.session(fx.training(), Map.of("training_fee", 100000, "installment_percentage", List.of(40, 60)));
        Student student = student();
        int id = fx.apply(student.email, session).at("/data/id").asInt();
        assertThat(payTrainingFee(session, "1000", student).text("/error_code")).as("not registered before submitting")
                .isEqualTo("you_are_not_registered_for_this_training_session");
        assertThat(submit(id, student.auth()).text("/data/message")).isEqualTo("No registration fee to pay");

        Http.Response tooMuch = payTrainingFee(session, "50000", student);
        assertThat(tooMuch.text("/error_code")).isEqualTo("training_fee_installment_amount_too_small");
        assertThat(tooMuch.text("/message")).contains("40000");

        Http.Response first = payTrainingFee(session, "40000", student);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String tx1 = first.text("/data/transaction_id");
        assertThat(payTrainingFee(session, "40000", student).text("/data/transaction_id")).as("the open one is handed back").isEqualTo(tx1);
        assertThat(payTrainingFee(session, "10000", student).text("/error_code")).as("one instalment at a time")
                .isEqualTo("payment_already_exists");
        assertThat(CINETPAY.opened(tx1).request().path("metadata").asString()).startsWith("TrainingFeeInstallmentPayment-");

        settle(tx1);
        Eventually.await("instalment 1 paid", () -> paidInstalments(id) == 1);
        assertThat(TestMail.body(awaitMail(student.email, "frais de formation"))).contains("40000 XOF").contains("60000 XOF");
        assertThat(restToPay(id)).isEqualByComparingTo("60000");

        assertThat(payTrainingFee(session, "70000", student).text("/error_code")).as("more than what is left")
                .isEqualTo("training_fee_installment_amount_too_small");
        String refusedTx = payTrainingFee(session, "60000", student).text("/data/transaction_id");
        CINETPAY.refuse(refusedTx);
        assertThat(notifyCinetPay(CINETPAY.notification(refusedTx, true)).status()).isEqualTo(200);
        awaitPaymentStatus(refusedTx, "refused");
        assertThat(paidInstalments(id)).isEqualTo(1);

        String tx2 = payTrainingFee(session, "60000", student).text("/data/transaction_id");
        assertThat(tx2).isNotEqualTo(refusedTx);
        settle(tx2);
        Eventually.await("instalment 2 paid", () -> paidInstalments(id) == 2);
        Eventually.await("fully paid e-mail", () -> TestMail.to(student.email).stream().map(TestMail::body)
                .anyMatch(b -> b.contains("entièrement payés")));
        assertThat(restToPay(id)).isZero();
        assertThat(payTrainingFee(session, "1000", student).text("/error_code")).isEqualTo("training_fee_already_paid");

        Http.Response stats = http.get("/api/v1/dashboard/payment-stats", fx.admin());
        long paidInstalments = jdbc.sql("SELECT count(*) FROM training_fee_installment_payments WHERE payment_id IS NOT NULL"
                + " AND delete_at IS NULL").query(Long.class).single();
        assertThat(stats.at("/training_payments/installments/total_installments").asLong()).isEqualTo(paidInstalments)
                .isGreaterThanOrEqualTo(2);
        assertThat(stats.at("/global_stats/accepted/count").asLong()).isEqualTo(jdbc.sql(
                "SELECT count(*) FROM payments WHERE status = 'accepted' AND delete_at IS NULL").query(Long.class).single());
    }

    @Test
    void whenCinetPayFailsForAnInstalmentThenNoInstalmentIsLeftBehind() {
        String session = fx.session(fx.training(), Map.of());
        Student student = student();
        int id = fx.apply(student.email, session).at("/data/id").asInt();
        submit(id, student.auth());
        CINETPAY.failInitiationFor(student.email, FakeCinetPay.InitFailure.HTTP_500);
        try {
            Http.Response failed = payTrainingFee(session, "1000", student);
            assertThat(failed.status()).as(failed.body()).isEqualTo(400);
            assertThat(failed.text("/error_code")).isEqualTo("payment_initiation_failed");
        } finally {
            CINETPAY.failInitiationFor(student.email, null);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM training_fee_installment_payments WHERE application_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
        assertThat(payTrainingFee(session, "0", student).status()).isEqualTo(422);
        assertThat(payTrainingFee(session, "1000", student).status()).isEqualTo(200);
    }

    private void settle(String tx) {
        CINETPAY.pay(tx);
        assertThat(notifyCinetPay(CINETPAY.notification(tx, true)).status()).isEqualTo(200);
        awaitPaymentStatus(tx, "accepted");
    }

    private Http.Response submit(int id, Http.Options as) {
        return http.post("/api/v1/my-student-applications/" + id + "/submit", Map.of(), as);
    }

    private Http.Response payTrainingFee(String session, String amount, Student student) {
        return http.post("/api/v1/my-student-applications/pay-training-fee",
                Map.of("training_session_id", session, "amount", new BigDecimal(amount)), student.auth());
    }

    private MimeMessage awaitMail(String email, String subjectPart) {
        Eventually.await("e-mail '" + subjectPart + "' to " + email, () -> TestMail.to(email).stream()
                .anyMatch(m -> TestMail.subject(m).contains(subjectPart)));
        return TestMail.to(email).stream().filter(m -> TestMail.subject(m).contains(subjectPart)).findFirst().orElseThrow();
    }

    private String status(int id) {
        return jdbc.sql("SELECT status FROM student_applications WHERE id = :id").param("id", id).query(String.class).single();
    }

    private String paymentId(int id) {
        return jdbc.sql("SELECT payment_id FROM student_applications WHERE id = :id").param("id", id).query(String.class).optional()
                .orElse(null);
    }

    private long attachments(int id) {
        return jdbc.sql("SELECT count(*) FROM student_attachments WHERE application_id = :id").param("id", id).query(Long.class).single();
    }

    private long paidInstalments(int id) {
        return jdbc.sql("SELECT count(*) FROM training_fee_installment_payments WHERE application_id = :id AND payment_id IS NOT NULL")
                .param("id", id).query(Long.class).single();
    }

    private BigDecimal restToPay(int id) {
        return jdbc.sql("SELECT exact_rest_to_pay FROM training_fee_installment_payments WHERE application_id = :id"
                        + " AND payment_id IS NOT NULL ORDER BY installment_number DESC LIMIT 1")
                .param("id", id).query(BigDecimal.class).single();
    }

    private static void assertNotFound(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(r.text("/error_code")).isEqualTo("student_application_not_found");
    }

    record Student(String id, String email, String token) {
        Http.Options auth() {
            return Http.Options.bearer(token);
        }
    }

    private Student student() {
        String email = uniqueEmail("payer");
        String id = createUser(email, PASSWORD, "student");
        return new Student(id, email, login(email, PASSWORD));
    }
}
