package org.lafaom.platform.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.payments.CheckDecision.Outcome;

/** Only ACCEPTED with the amount and currency asked for is paid. */
class CheckDecisionTests {

    private static CinetPayClient.Check check(String code, String status, String amount, String currency) {
        return new CinetPayClient.Check(code, "", status, amount == null ? null : new BigDecimal(amount), currency, "OM", null, null);
    }

    private static Outcome decide(CinetPayClient.Check check) {
        return CheckDecision.of(check, new BigDecimal("33750"), "XAF").outcome();
    }

    @Test
    void whenAcceptedForTheAmountAndCurrencyAskedThenItIsPaid() {
        assertThat(decide(check("00", "ACCEPTED", "33750", "XAF"))).isEqualTo(Outcome.ACCEPT);
        assertThat(decide(check("00", "accepted", "33750.00", "xaf"))).isEqualTo(Outcome.ACCEPT);
    }

    @Test
    void whenAcceptedForLessOrAnotherCurrencyOrNoAmountThenItIsNotPaid() {
        assertThat(decide(check("00", "ACCEPTED", "100", "XAF"))).isEqualTo(Outcome.MISMATCH);
        assertThat(decide(check("00", "ACCEPTED", "33750", "XOF"))).isEqualTo(Outcome.MISMATCH);
        assertThat(decide(check("00", "ACCEPTED", null, "XAF"))).isEqualTo(Outcome.MISMATCH);
        assertThat(decide(check("00", "ACCEPTED", "33750", null))).isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void whenRefusedOrCancelledThenItIsFinal() {
        assertThat(decide(check("627", "REFUSED", "33750", "XAF"))).isEqualTo(Outcome.REFUSE);
        assertThat(decide(check("627", "CANCELED", "33750", "XAF"))).isEqualTo(Outcome.CANCEL);
        assertThat(decide(check("627", "", null, null))).isEqualTo(Outcome.CANCEL);
    }

    @Test
    void whenWaitingOrUnknownOrAnErrorThenItStaysPending() {
        assertThat(decide(check("662", "WAITING_FOR_CUSTOMER", "33750", "XAF"))).isEqualTo(Outcome.PENDING);
        assertThat(decide(check("609", "", null, null))).isEqualTo(Outcome.PENDING);
        assertThat(decide(check("00", "SOMETHING_NEW", "33750", "XAF"))).isEqualTo(Outcome.PENDING);
    }
}
