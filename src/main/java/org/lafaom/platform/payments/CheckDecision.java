package org.lafaom.platform.payments;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * What CinetPay's check answer means for a payment we asked {@code expectedAmount expectedCurrency}
 * for. Only ACCEPTED with at least that amount in that currency is paid; an ACCEPTED answer for
 * less, or in another currency, is not (someone changed the amount between us and CinetPay, or
 * CinetPay is wrong) and needs a person. REFUSED and cancellations are final; everything else
 * (WAITING_FOR_CUSTOMER, errors, unknown statuses) leaves the payment pending.
 */
record CheckDecision(Outcome outcome, String reason) {

    enum Outcome { ACCEPT, MISMATCH, REFUSE, CANCEL, PENDING }

    /** The check's "transaction cancelled" code, sent when the customer gave up or the operator refused. */
    static final String TRANSACTION_CANCEL = "627";

    static CheckDecision of(CinetPayClient.Check check, BigDecimal expectedAmount, String expectedCurrency) {
        String status = check.status() == null ? "" : check.status().trim().toUpperCase(Locale.ROOT);
        if (status.equals("ACCEPTED")) {
            if (check.amount() == null || expectedAmount == null || check.amount().compareTo(expectedAmount) < 0) {
                return new CheckDecision(Outcome.MISMATCH,
                        "accepted amount " + check.amount() + " is not the " + expectedAmount + " asked for");
            }
            if (!expectedCurrency.equalsIgnoreCase(check.currency() == null ? "" : check.currency().trim())) {
                return new CheckDecision(Outcome.MISMATCH,
                        "accepted currency " + check.currency() + " is not the " + expectedCurrency + " asked for");
            }
            return new CheckDecision(Outcome.ACCEPT, null);
        }
        if (status.equals("REFUSED")) {
            return new CheckDecision(Outcome.REFUSE, "refused by CinetPay (" + check.code() + " " + check.message() + ")");
        }
        if (status.startsWith("CANCEL")) {
            return new CheckDecision(Outcome.CANCEL, "cancelled at CinetPay (" + check.code() + " " + check.message() + ")");
        }
        if (status.isEmpty() && TRANSACTION_CANCEL.equals(check.code())) {
            return new CheckDecision(Outcome.CANCEL, "cancelled at CinetPay (" + check.code() + " " + check.message() + ")");
        }
        return new CheckDecision(Outcome.PENDING,
                status.isEmpty() ? "no status from CinetPay (" + check.code() + " " + check.message() + ")" : status);
    }
}
