package org.lafaom.platform.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Eventually;
import org.lafaom.platform.support.FakeCinetPay;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.JobFlowTest;
import org.lafaom.platform.support.TestMail;

/**
 * Notifications, confirmation and settlement against the fake CinetPay, with a job application as
 * the payable. Every transition of a payment to accepted is recorded by a database trigger, so
 * "settled once" is counted where it happens, not inferred from the e-mails.
 */
class PaymentSettlementIntegrationTests extends JobFlowTest {

    @BeforeEach
    void countAcceptances() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS test_payment_acceptances (transaction_id varchar, at timestamptz DEFAULT now())").update();
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION test_record_acceptance() RETURNS trigger AS $$
                BEGIN INSERT INTO test_payment_acceptances (transaction_id) VALUES (NEW.transaction_id); RETURN NEW; END
                $$ LANGUAGE plpgsql""").update();
        jdbc.sql("DROP TRIGGER IF EXISTS test_payment_acceptance ON payments").update();
        jdbc.sql("""
                CREATE TRIGGER test_payment_acceptance AFTER UPDATE ON payments FOR EACH ROW
                WHEN (NEW.status = 'accepted') EXECUTE FUNCTION test_record_acceptance()""").update();
    }

    private long acceptances(String transactionId) {
        return jdbc.sql("SELECT count(*) FROM test_payment_acceptances WHERE transaction_id = :tx").param("tx", transactionId)
                .query(Long.class).single();
    }

    @Test
    void whenCinetPayConfirmsTheNotifiedPaymentThenTheApplicationIsPaidAndTheCandidateMailedOnce() {
        String email = uniqueEmail("paid");
        String tx = applyAndOpenPayment(email, "50");

        FakeCinetPay.Opened opened = CINETPAY.opened(tx);
        assertThat(opened.amount()).isEqualTo(33750);
        assertThat(opened.currency()).isEqualTo("XAF");
        assertThat(opened.request().path("notify_url").asString()).isEqualTo(PUBLIC_URL + "/api/v1/payments/cinetpay/notify");
        assertThat(opened.request().path("metadata").asString()).startsWith("JobApplication-");
        assertThat(opened.request().path("customer_name").asString()).isEqualTo("Diop");
        assertThat(opened.request().path("customer_surname").asString()).isEqualTo("Awa");
        assertThat(opened.request().path("customer_country").asString()).isEqualTo("SN");
        assertThat(opened.request().path("description").asString()).isEqualTo("Payment for job application fee of Chargé de projet");
        assertThat(paymentStatus(tx)).isEqualTo("pending");
        assertThat(jdbc.sql("SELECT charged_amount FROM payments WHERE transaction_id = :tx").param("tx", tx)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("33750");
        assertThat(jdbc.sql("SELECT rate_source FROM payments WHERE transaction_id = :tx").param("tx", tx)
                .query(String.class).single()).isEqualTo("fixed");

        CINETPAY.pay(tx);
        Http.Response notified = notifyCinetPay(CINETPAY.notification(tx, true));

        assertThat(notified.status()).isEqualTo(200);
        assertThat(notified.at("/ok").asBoolean()).isTrue();
        awaitPaymentStatus(tx, "accepted");
        String paymentId = jdbc.sql("SELECT id FROM payments WHERE transaction_id = :tx").param("tx", tx).query(String.class).single();
        assertThat(applicationPaymentId(tx)).isEqualTo(paymentId);
        assertThat(jdbc.sql("SELECT status || ' ' || amount_received || ' ' || payment_method FROM cinetpay_payments WHERE transaction_id = :tx")
                .param("tx", tx).query(String.class).single()).isEqualTo("accepted 33750 OM");
        Eventually.await("confirmation e-mail", () -> !TestMail.to(email).isEmpty());
        assertThat(TestMail.subject(TestMail.to(email).getFirst())).startsWith("Votre candidature APP-REF-");
        assertThat(acceptances(tx)).isEqualTo(1);
    }

    @Test
    void whenTheXTokenIsWrongThenTheNotificationIsRefusedAndNothingIsAskedOrChanged() {
        String tx = applyAndOpenPayment(uniqueEmail("forged"), "10");
        CINETPAY.pay(tx);

        Http.Response r = notifyCinetPay(CINETPAY.notification(tx, false));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text("/error_code")).isEqualTo("not_authenticated");
        assertThat(CINETPAY.checks(tx)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_instance LIKE :tx || '%'").param("tx", tx)
                .query(Long.class).single()).isZero();
        assertThat(paymentStatus(tx)).isEqualTo("pending");
        assertThat(applicationPaymentId(tx)).isNull();
    }

    @Test
    void whenTheAmountIsTamperedInTheNotificationThenItsTokenNoLongerVerifies() {
        String tx = applyAndOpenPayment(uniqueEmail("tampered"), "10");
        FakeCinetPay.Notification genuine = CINETPAY.notification(tx, true);

        Http.Response r = notifyCinetPay(new FakeCinetPay.Notification(
                genuine.body().replaceFirst("cpm_amount=\\d+", "cpm_amount=5"), genuine.xToken()));

        assertThat(r.status()).isEqualTo(403);
        assertThat(CINETPAY.checks(tx)).isZero();
    }

    @Test
    void whenAFieldOrTheTokenIsMissingThenTheNotificationIsAValidationError() {
        String tx = applyAndOpenPayment(uniqueEmail("incomplete"), "10");
        FakeCinetPay.Notification n = CINETPAY.notification(tx, true);

        Http.Response noToken = http.postRaw("/api/v1/payments/cinetpay/notify", "application/x-www-form-urlencoded",
                n.body().getBytes(), new Http.Options());
        Http.Response noAmount = notifyCinetPay(new FakeCinetPay.Notification(n.body().replaceFirst("cpm_amount=\\d+&", ""), n.xToken()));

        assertThat(noToken.status()).isEqualTo(422);
        assertThat(noToken.at("/error/0/loc/1").asString()).isEqualTo("x-token");
        assertThat(noAmount.status()).isEqualTo(422);
        assertThat(noAmount.at("/error/0/loc/1").asString()).isEqualTo("cpm_amount");
        assertThat(paymentStatus(tx)).isEqualTo("pending");
    }

    @Test
    void whenCinetPayPingsTheNotificationUrlThenItAnswersOk() {
        Http.Response r = http.get("/api/v1/payments/cinetpay/notify");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.at("/ok").asBoolean()).isTrue();
    }

    @Test
    void whenASignedNotificationNamesAnUnknownTransactionThenItIsAcknowledgedAndIgnored() {
        String tx = applyAndOpenPayment(uniqueEmail("unknown"), "10");
        FakeCinetPay.Notification n = CINETPAY.notification(tx, true);
        String otherTx = java.util.UUID.randomUUID().toString();
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
        for (String pair : n.body().replace(tx, otherTx).split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", java.nio.charset.StandardCharsets.UTF_8));
        }

        Http.Response r = notifyCinetPay(new FakeCinetPay.Notification(n.body().replace(tx, otherTx),
                FakeCinetPay.sign(FakeCinetPay.SECRET_KEY, form)));

        assertThat(r.status()).isEqualTo(200);
        assertThat(CINETPAY.checks(otherTx)).isZero();
    }

    @Test
    void whenCinetPayRefusesThePaymentThenItIsRefusedAndTheApplicationStaysUnpaid() {
        String email = uniqueEmail("refused");
        String tx = applyAndOpenPayment(email, "10");
        CINETPAY.refuse(tx);

        assertThat(notifyCinetPay(CINETPAY.notification(tx, true)).status()).isEqualTo(200);

        awaitPaymentStatus(tx, "refused");
        assertThat(applicationPaymentId(tx)).isNull();
        assertThat(jdbc.sql("SELECT status FROM cinetpay_payments WHERE transaction_id = :tx").param("tx", tx)
                .query(String.class).single()).isEqualTo("refused");
        awaitNoConfirmationQueued(tx);
        assertThat(TestMail.to(email)).isEmpty();
        assertThat(acceptances(tx)).isZero();
    }

    @Test
    void whenTheCustomerHasNotConfirmedYetThenThePaymentStaysPendingUntilCinetPayAcceptsIt() {
        String tx = applyAndOpenPayment(uniqueEmail("waiting"), "10");
        CINETPAY.waitForCustomer(tx);

        notifyCinetPay(CINETPAY.notification(tx, true, "2025-09-17 10:15:00"));
        Eventually.await("first check made", () -> CINETPAY.checks(tx) >= 1);
        awaitNoConfirmationQueued(tx);

        assertThat(paymentStatus(tx)).isEqualTo("pending");
        assertThat(jdbc.sql("SELECT provider_status FROM payments WHERE transaction_id = :tx").param("tx", tx)
                .query(String.class).single()).isEqualTo("WAITING_FOR_CUSTOMER");

        CINETPAY.pay(tx);
        notifyCinetPay(CINETPAY.notification(tx, true, "2025-09-17 10:16:30"));

        awaitPaymentStatus(tx, "accepted");
        assertThat(applicationPaymentId(tx)).isNotNull();
    }

    @Test
    void whenCinetPayAcceptsLessThanAskedThenNothingIsSettled() {
        String email = uniqueEmail("short");
        String tx = applyAndOpenPayment(email, "10");
        CINETPAY.acceptWith(tx, 100, "XAF");

        notifyCinetPay(CINETPAY.notification(tx, true));

        awaitPaymentStatus(tx, "error");
        assertThat(jdbc.sql("SELECT status_reason FROM payments WHERE transaction_id = :tx").param("tx", tx)
                .query(String.class).single()).contains("amount 100");
        assertThat(applicationPaymentId(tx)).isNull();
        assertThat(acceptances(tx)).isZero();
        awaitNoConfirmationQueued(tx);
        assertThat(TestMail.to(email)).isEmpty();
    }

    @Test
    void whenCinetPayAcceptsInAnotherCurrencyThenNothingIsSettled() {
        String tx = applyAndOpenPayment(uniqueEmail("currency"), "10");
        CINETPAY.acceptWith(tx, CINETPAY.opened(tx).amount(), "XOF");

        notifyCinetPay(CINETPAY.notification(tx, true));

        awaitPaymentStatus(tx, "error");
        assertThat(applicationPaymentId(tx)).isNull();
        assertThat(acceptances(tx)).isZero();
    }

    @Test
    void whenManyCopiesOfTheNotificationAndStatusChecksArriveTogetherThenThePaymentIsSettledOnce() throws Exception {
        String email = uniqueEmail("concurrent");
        String tx = applyAndOpenPayment(email, "25");
        CINETPAY.pay(tx);
        FakeCinetPay.Notification same = CINETPAY.notification(tx, true);
        List<Runnable> calls = new ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 20; i++) {
            calls.add(() -> statuses.add(notifyCinetPay(same).status()));
        }
        for (int i = 0; i < 5; i++) {
            FakeCinetPay.Notification other = CINETPAY.notification(tx, true, "2025-09-17 10:15:0" + i);
            calls.add(() -> statuses.add(notifyCinetPay(other).status()));
            calls.add(() -> statuses.add(http.get("/api/v1/payments/check-status/" + tx).status()));
        }

        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            calls.forEach(call -> done.add(pool.submit(() -> {
                start.await();
                call.run();
                return null;
            })));
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).hasSize(30).containsOnly(200);
        awaitPaymentStatus(tx, "accepted");
        awaitNoConfirmationQueued(tx);
        Eventually.await("confirmation e-mail", () -> !TestMail.to(email).isEmpty());
        Eventually.await("no e-mail left to send", () -> jdbc.sql(
                "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'send-mail' AND convert_from(task_data, 'UTF8') LIKE '%' || :e || '%'")
                .param("e", email).query(Long.class).single() == 0);
        assertThat(acceptances(tx)).isEqualTo(1);
        assertThat(TestMail.to(email)).hasSize(1);
        assertThat(applicationPaymentId(tx)).isNotNull();
    }

    @Test
    void whenCinetPayIsDownDuringTheCheckThenThePaymentWaitsAndIsSettledOnceItIsBack() {
        String email = uniqueEmail("outage");
        String tx = applyAndOpenPayment(email, "10");
        CINETPAY.pay(tx);
        try {
            CINETPAY.checkDown(true);
            assertThat(notifyCinetPay(CINETPAY.notification(tx, true)).status()).isEqualTo(200);
            Eventually.await("a check failed", () -> CINETPAY.checks(tx) >= 1 && jdbc.sql("""
                    SELECT count(*) FROM scheduled_tasks WHERE task_name = 'payment-confirm' AND task_instance LIKE :tx || '%'
                      AND consecutive_failures > 0""").param("tx", tx).query(Long.class).single()
                    + jdbc.sql("SELECT count(*) FROM task_failures WHERE task_instance LIKE :tx || '%'").param("tx", tx)
                    .query(Long.class).single() > 0);
            assertThat(paymentStatus(tx)).isEqualTo("pending");
        } finally {
            CINETPAY.checkDown(false);
        }
        // Whether the retried task or reconciliation gets there first, the payment is settled once.
        makeDueForReconciliation(tx);

        assertSettledOnceAndMailed(tx, email);
    }

    @Test
    void whenTheNotificationIsLostThenReconciliationSettlesThePayment() {
        String email = uniqueEmail("lost");
        String tx = applyAndOpenPayment(email, "10");
        CINETPAY.pay(tx);

        makeDueForReconciliation(tx);

        assertSettledOnceAndMailed(tx, email);
    }

    @Test
    void whenAPaymentStaysUnfinishedTooLongThenItIsGivenUpAndALatePaymentStillSettlesIt() {
        String tx = applyAndOpenPayment(uniqueEmail("abandoned"), "10");
        jdbc.sql("UPDATE payments SET created_at = now() - interval '3 days', next_check_at = now() WHERE transaction_id = :tx")
                .param("tx", tx).update();

        awaitPaymentStatus(tx, "cancelled");
        assertThat(jdbc.sql("SELECT status_reason FROM payments WHERE transaction_id = :tx").param("tx", tx)
                .query(String.class).single()).startsWith("abandoned");

        CINETPAY.pay(tx);
        notifyCinetPay(CINETPAY.notification(tx, true));

        awaitPaymentStatus(tx, "accepted");
        assertThat(applicationPaymentId(tx)).isNotNull();
    }

    @Test
    void whenAPendingPaymentOfTheOldBackendWasAcceptedAtCinetPayThenReconciliationSettlesItsApplication() {
        String email = uniqueEmail("legacy");
        String offer = offer("10", "EUR");
        int application = jdbc.sql("""
                INSERT INTO job_applications (created_at, updated_at, job_offer_id, application_number, status, submission_fee,
                    currency, email, phone_number, first_name, last_name)
                VALUES (now() - interval '3 hours', now(), :offer, :number, 'RECEIVED', 10, 'EUR', :email, '+221700000000', 'Old', 'Row')
                RETURNING id""")
                .param("offer", offer).param("number", "APP-OLD-" + System.nanoTime()).param("email", email)
                .query(Integer.class).single();
        String tx = java.util.UUID.randomUUID().toString();
        int cinetpay = jdbc.sql("""
                INSERT INTO cinetpay_payments (created_at, updated_at, transaction_id, amount, amount_received, currency, status, payment_url)
                VALUES (now() - interval '3 hours', now(), :tx, 6750, 0, 'XAF', 'PENDING', 'https://checkout.cinetpay.com/payment/old')
                RETURNING id""").param("tx", tx).query(Integer.class).single();
        String paymentId = java.util.UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO payments (id, created_at, updated_at, transaction_id, product_amount, product_currency, payment_currency,
                    daily_rate, usd_product_currency_rate, usd_payment_currency_rate, status, payable_id, payable_type,
                    payment_type_id, payment_type)
                VALUES (:id, now() - interval '3 hours', now(), :tx, 10.0, 'EUR', 'XAF', 675.0, 0.0017, 600.0, 'pending', :app,
                    'JobApplication', :cinetpay, 'CinetPayPayment')""")
                .param("id", paymentId).param("tx", tx).param("app", String.valueOf(application))
                .param("cinetpay", String.valueOf(cinetpay)).update();
        CINETPAY.knownFromBefore(tx, 6750, "XAF");
        CINETPAY.pay(tx);

        awaitPaymentStatus(tx, "accepted");

        assertThat(applicationPaymentId(tx)).isEqualTo(paymentId);
        assertThat(jdbc.sql("SELECT status FROM cinetpay_payments WHERE id = :id").param("id", cinetpay).query(String.class).single())
                .isEqualTo("accepted");
        Eventually.await("confirmation e-mail", () -> !TestMail.to(email).isEmpty());
        assertThat(acceptances(tx)).isEqualTo(1);
    }

    private void assertSettledOnceAndMailed(String tx, String email) {
        awaitPaymentStatus(tx, "accepted");
        assertThat(applicationPaymentId(tx)).isNotNull();
        Eventually.await("confirmation e-mail", () -> !TestMail.to(email).isEmpty());
        assertThat(acceptances(tx)).isEqualTo(1);
    }

    private void makeDueForReconciliation(String transactionId) {
        jdbc.sql("UPDATE payments SET created_at = now() - interval '10 minutes', next_check_at = now() WHERE transaction_id = :tx")
                .param("tx", transactionId).update();
    }
}
