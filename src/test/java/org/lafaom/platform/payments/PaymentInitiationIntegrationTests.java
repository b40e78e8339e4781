package org.lafaom.platform.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.support.FakeCinetPay;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.JobFlowTest;
import org.lafaom.platform.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** Opening a payment inside the payer's transaction: a failure leaves neither payable nor payment behind. */
class PaymentInitiationIntegrationTests extends JobFlowTest {

    @Autowired
    Payments payments;

    @Autowired
    TransactionTemplate tx;

    @ParameterizedTest
    @EnumSource(FakeCinetPay.InitFailure.class)
    void whenCinetPayFailsToOpenThePaymentThenTheApplicationAndItsPaymentRowsAreRolledBack(FakeCinetPay.InitFailure failure) {
        String email = uniqueEmail("init-" + failure.name().toLowerCase());
        CINETPAY.failInitiationFor(email, failure);
        String offer = offer("50", "EUR", "CV");
        String cv = upload("CV");

        Http.Response r = apply(offer, email, List.of(document("CV", cv)));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("/error_code")).isEqualTo("payment_initiation_failed");
        assertThat(r.text("/message")).startsWith("Payment initiation failed (");
        List<String> attempted = CINETPAY.initiationsFor(email);
        assertThat(attempted).hasSize(1);
        assertThat(count("SELECT count(*) FROM job_applications WHERE email = :v", email)).isZero();
        assertThat(count("SELECT count(*) FROM payments WHERE transaction_id = :v", attempted.getFirst())).isZero();
        assertThat(count("SELECT count(*) FROM cinetpay_payments WHERE transaction_id = :v", attempted.getFirst())).isZero();
        assertThat(count("SELECT count(*) FROM job_attachments WHERE file_path = :v AND application_id IS NULL", cv)).isOne();
        assertThat(TestMail.to(email)).isEmpty();
    }

    @Test
    void whenTheDocumentOfAFailedApplicationIsReusedThenTheRetrySucceeds() {
        String email = uniqueEmail("retry");
        CINETPAY.failInitiationFor(email, FakeCinetPay.InitFailure.ERROR_CODE);
        String offer = offer("50", "EUR", "CV");
        String cv = upload("CV");
        assertThat(apply(offer, email, List.of(document("CV", cv))).status()).isEqualTo(400);

        String retryEmail = uniqueEmail("retry-ok");
        Http.Response r = apply(offer, retryEmail, List.of(document("CV", cv)));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("/data/payment/payment_link")).startsWith("https://checkout.cinetpay.com/payment/");
    }

    @Test
    void whenTheOfferIsPricedInACurrencyWithNoKnownRateThenItIsRefusedInsteadOfConvertedAtOne() {
        String email = uniqueEmail("gbp");
        String offer = offer("50", "GBP", "CV");

        Http.Response r = apply(offer, email, List.of(document("CV", upload("CV"))));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("/error_code")).isEqualTo("payment_initiation_failed");
        assertThat(r.text("/message")).contains("GBP");
        assertThat(CINETPAY.initiationsFor(email)).isEmpty();
        assertThat(count("SELECT count(*) FROM job_applications WHERE email = :v", email)).isZero();
    }

    @Test
    void whenTheOfferIsPricedInTheChargedCurrencyThenTheAmountIsOnlyRoundedUpToFive() {
        String email = uniqueEmail("xaf");
        String offer = offer("5001", "XAF", "CV");

        Http.Response r = apply(offer, email, List.of(document("CV", upload("CV"))));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.at("/data/payment/amount").decimalValue()).isEqualByComparingTo("5001");
        FakeCinetPay.Opened opened = CINETPAY.opened(r.text("/data/payment/transaction_id"));
        assertThat(opened.amount()).isEqualTo(5005);
        assertThat(jdbc.sql("SELECT rate_source FROM payments WHERE transaction_id = :tx")
                .param("tx", opened.transactionId()).query(String.class).single()).isEqualTo("identity");
    }

    @Test
    void whenAPayableHasAPaymentInFlightOrIsPaidThenASecondPaymentIsRefused() {
        String transaction = applyAndOpenPayment(uniqueEmail("twice"), "10");
        String applicationId = jdbc.sql("SELECT payable_id FROM payments WHERE transaction_id = :tx").param("tx", transaction)
                .query(String.class).single();
        PaymentRequest again = new PaymentRequest(PayableType.JOB_APPLICATION, applicationId, BigDecimal.TEN, "EUR", "again",
                PaymentRequest.Customer.unknown(), "fr");

        assertThatThrownBy(() -> tx.execute(s -> payments.initiate(again)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PAYMENT_ALREADY_EXISTS);
                    assertThat(e.getMessage()).contains("in progress");
                });

        CINETPAY.pay(transaction);
        notifyCinetPay(CINETPAY.notification(transaction, true));
        awaitPaymentStatus(transaction, "accepted");

        assertThat(payments.isPaid(PayableType.JOB_APPLICATION, applicationId)).isTrue();
        assertThatThrownBy(() -> tx.execute(s -> payments.initiate(again)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).isEqualTo("This item is already paid"));
    }

    @Test
    void whenInitiationIsCalledOutsideATransactionThenItRefusesToRun() {
        PaymentRequest request = new PaymentRequest(PayableType.CABINET_APPLICATION, java.util.UUID.randomUUID().toString(),
                new BigDecimal("50"), "EUR", "Frais de candidature cabinet", PaymentRequest.Customer.unknown(), null);

        assertThatThrownBy(() -> payments.initiate(request)).isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void whenAPayerModuleOpensAPaymentThenTheCallerSeesTheContractsInitPaymentOut() {
        String cabinetId = java.util.UUID.randomUUID().toString();
        PaymentRequest request = new PaymentRequest(PayableType.CABINET_APPLICATION, cabinetId, new BigDecimal("50"), "EUR",
                "Frais de candidature cabinet LAFAOM - Cabinet A&B", new PaymentRequest.Customer(null, "Cabinet A&B", "Cabinet",
                        uniqueEmail("firm"), "+221770000000", "12 rue Carnot", "Dakar", "sn", null, null), "fr");

        InitiatedPayment opened = tx.execute(s -> payments.initiate(request));

        assertThat(opened.paymentProvider()).isEqualTo("CINETPAY");
        assertThat(opened.amount()).isEqualByComparingTo("50");
        assertThat(opened.notifyUrl()).isEqualTo(PUBLIC_URL + "/api/v1/payments/cinetpay/notify");
        assertThat(opened.message()).isEmpty();
        FakeCinetPay.Opened atCinetPay = CINETPAY.opened(opened.transactionId());
        assertThat(atCinetPay.amount()).isEqualTo(33750);
        assertThat(atCinetPay.request().path("description").asString()).isEqualTo("Frais de candidature cabinet LAFAOM - Cabinet A B");
        assertThat(atCinetPay.request().path("customer_country").asString()).isEqualTo("SN");
        assertThat(atCinetPay.request().path("lang").asString()).isEqualTo("fr");
        assertThat(atCinetPay.request().path("invoice_data").path("payable_id").asString()).isEqualTo(cabinetId);
        assertThat(atCinetPay.request().has("customer_zip_code")).isFalse();
    }

    private long count(String sql, String value) {
        return jdbc.sql(sql).param("v", value).query(Long.class).single();
    }
}
