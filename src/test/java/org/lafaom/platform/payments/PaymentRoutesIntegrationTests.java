package org.lafaom.platform.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.JobFlowTest;

/** The five payments routes: permissions, shapes, filters, pagination and failure paths. */
class PaymentRoutesIntegrationTests extends JobFlowTest {

    @Test
    void whenStaffListPaymentsThenTheyNeedCanViewPayment() {
        assertThat(http.get("/api/v1/payments/payments").status()).isEqualTo(401);
        assertThat(http.get("/api/v1/payments/payments", Http.Options.bearer(staffWith())).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/payments/payments", Http.Options.bearer(staffWith("can_view_payment"))).status()).isEqualTo(200);
    }

    @Test
    void whenAPaymentIsReadThenItHasThePaymentOutShape() {
        String tx = applyAndOpenPayment(uniqueEmail("shape"), "50");
        String token = staffWith("can_view_payment");

        Http.Response byTx = http.get("/api/v1/payments/payments-by-transaction/" + tx, Http.Options.bearer(token));
        String id = byTx.text("/data/id");
        Http.Response byId = http.get("/api/v1/payments/payments/" + id, Http.Options.bearer(token));

        assertThat(byTx.status()).isEqualTo(200);
        assertThat(byTx.text("/message")).isEqualTo("Payment Fetched Successfully");
        assertThat(byId.json()).isEqualTo(byTx.json());
        assertThat(byTx.text("/data/transaction_id")).isEqualTo(tx);
        assertThat(byTx.at("/data/product_amount").decimalValue()).isEqualByComparingTo("50");
        assertThat(byTx.text("/data/product_currency")).isEqualTo("EUR");
        assertThat(byTx.text("/data/payment_currency")).isEqualTo("XAF");
        assertThat(byTx.at("/data/daily_rate").decimalValue()).isEqualByComparingTo("675");
        assertThat(byTx.at("/data/usd_payment_currency_rate").decimalValue()).isEqualByComparingTo("600");
        assertThat(byTx.at("/data/usd_product_currency_rate").decimalValue()).isPositive();
        assertThat(byTx.text("/data/status")).isEqualTo("pending");
        assertThat(byTx.text("/data/payable_type")).isEqualTo("JobApplication");
        assertThat(byTx.text("/data/payable_id")).matches("\\d+");
        assertThat(byTx.text("/data/payment_type")).isEqualTo("CinetPayPayment");
        assertThat(byTx.text("/data/payment_type_id")).matches("\\d+");
        assertThat(byTx.at("/data/charged_amount").decimalValue()).isEqualByComparingTo("33750");
    }

    @Test
    void whenAPaymentIsUnknownThenItIsPaymentNotFound() {
        String token = staffWith("can_view_payment");

        Http.Response byId = http.get("/api/v1/payments/payments/nope", Http.Options.bearer(token));
        Http.Response byTx = http.get("/api/v1/payments/payments-by-transaction/nope", Http.Options.bearer(token));
        Http.Response check = http.get("/api/v1/payments/check-status/nope");

        for (Http.Response r : new Http.Response[] {byId, byTx, check}) {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.text("/error_code")).isEqualTo("payment_not_found");
        }
        assertThat(http.get("/api/v1/payments/payments-by-transaction/x", Http.Options.bearer(staffWith())).status()).isEqualTo(403);
    }

    @Test
    void whenTheListIsFilteredThenTheTotalCountsWhatMatches() {
        String token = staffWith("can_view_payment");
        String first = applyAndOpenPayment(uniqueEmail("filter"), "12.50");
        String second = applyAndOpenPayment(uniqueEmail("filter"), "13.50");
        CINETPAY.refuse(second);
        notifyCinetPay(CINETPAY.notification(second, true));
        awaitPaymentStatus(second, "refused");

        Http.Response bySearch = http.get("/api/v1/payments/payments?search=" + first.substring(0, 13), Http.Options.bearer(token));
        Http.Response byAmount = http.get("/api/v1/payments/payments?min_amount=12.5&max_amount=13.5&currency=eur&order_by=amount&asc=desc",
                Http.Options.bearer(token));
        Http.Response refused = http.get("/api/v1/payments/payments?status=refused&min_amount=13.5&max_amount=13.5",
                Http.Options.bearer(token));
        Http.Response today = http.get("/api/v1/payments/payments?page_size=1000&date_from=" + LocalDate.now().minusDays(1)
                + "&date_to=" + LocalDate.now().plusDays(1), Http.Options.bearer(token));
        Http.Response future = http.get("/api/v1/payments/payments?date_from=" + LocalDate.now().plusDays(2), Http.Options.bearer(token));

        assertThat(bySearch.at("/total_number").asLong()).isEqualTo(1);
        assertThat(bySearch.text("/data/0/transaction_id")).isEqualTo(first);
        assertThat(bySearch.at("/page").asInt()).isEqualTo(1);
        assertThat(bySearch.at("/number").asInt()).isEqualTo(1);
        assertThat(bySearch.json().has("success")).isFalse();
        assertThat(byAmount.at("/total_number").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(byAmount.at("/data/0/product_amount").decimalValue())
                .isGreaterThanOrEqualTo(byAmount.at("/data/1/product_amount").decimalValue());
        assertThat(refused.at("/data").findValuesAsString("transaction_id")).contains(second).doesNotContain(first);
        assertThat(today.at("/data").findValuesAsString("transaction_id")).contains(first, second);
        assertThat(future.at("/total_number").asLong()).isZero();
    }

    @Test
    void whenPaginationIsOutOfBoundsThenItIsAValidationErrorAndUnknownKeysAreIgnored() {
        String token = staffWith("can_view_payment");

        assertThat(http.get("/api/v1/payments/payments?page_size=1001", Http.Options.bearer(token)).status()).isEqualTo(422);
        assertThat(http.get("/api/v1/payments/payments?page=0", Http.Options.bearer(token)).status()).isEqualTo(422);
        assertThat(http.get("/api/v1/payments/payments?order_by=status", Http.Options.bearer(token)).status()).isEqualTo(422);
        assertThat(http.get("/api/v1/payments/payments?min_amount=abc", Http.Options.bearer(token)).status()).isEqualTo(422);
        assertThat(http.get("/api/v1/payments/payments?date_from=yesterday", Http.Options.bearer(token)).status()).isEqualTo(422);
        Http.Response tolerant = http.get("/api/v1/payments/payments?_t=123&params[page]=1&page_size=2", Http.Options.bearer(token));
        assertThat(tolerant.status()).isEqualTo(200);
        assertThat(tolerant.at("/number").asInt()).isLessThanOrEqualTo(2);
    }

    @Test
    void whenThePayerPollsTheStatusThenCinetPayIsAskedAndTheVerifiedAnswerSettlesThePayment() {
        String tx = applyAndOpenPayment(uniqueEmail("polling"), "10");

        Http.Response waiting = http.get("/api/v1/payments/check-status/" + tx + "?status=ACCEPTED");
        assertThat(waiting.status()).isEqualTo(200);
        assertThat(waiting.text("/message")).isEqualTo("success");
        assertThat(waiting.text("/data/status")).isEqualTo("pending");
        assertThat(CINETPAY.checks(tx)).isEqualTo(1);

        // A second poll within the throttle period does not ask CinetPay again.
        assertThat(http.get("/api/v1/payments/check-status/" + tx).text("/data/status")).isEqualTo("pending");
        assertThat(CINETPAY.checks(tx)).isEqualTo(1);

        CINETPAY.pay(tx);
        jdbc.sql("UPDATE payments SET last_checked_at = now() - interval '1 minute' WHERE transaction_id = :tx").param("tx", tx).update();
        Http.Response paid = http.get("/api/v1/payments/check-status/" + tx);

        assertThat(paid.text("/data/status")).isEqualTo("accepted");
        assertThat(applicationPaymentId(tx)).isNotNull();
    }

    @Test
    void whenTheCustomerComesBackFromCinetPayThenAPageSaysThePaymentIsBeingVerified() {
        Http.Response page = http.postRaw("/api/v1/payments/cinetpay/return", "application/x-www-form-urlencoded",
                "transaction_id=abc&token=def".getBytes(), new Http.Options());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("en cours de vérification");
    }
}
