package org.lafaom.platform.payments;

import java.math.BigDecimal;

/**
 * The contract's {@code InitPaymentOut}: where to send the customer. {@code amount} is the product
 * amount in the product's currency (what the old backend answered), not the charged amount.
 */
public record InitiatedPayment(
        String paymentProvider, BigDecimal amount, String transactionId, String paymentLink, String notifyUrl, String message) {}
