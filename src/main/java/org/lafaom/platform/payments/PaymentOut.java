package org.lafaom.platform.payments;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The contract's {@code PaymentOut}, plus {@code id}, {@code charged_amount} (what CinetPay was asked
 * to charge, in {@code payment_currency}) and timestamps: additions the clients ignore.
 */
record PaymentOut(
        String id,
        String transactionId,
        BigDecimal productAmount,
        String productCurrency,
        String paymentCurrency,
        BigDecimal dailyRate,
        BigDecimal usdProductCurrencyRate,
        BigDecimal usdPaymentCurrencyRate,
        String status,
        String payableId,
        String payableType,
        String paymentTypeId,
        String paymentType,
        BigDecimal chargedAmount,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
