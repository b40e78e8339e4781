package org.lafaom.platform.registration;

import java.math.BigDecimal;
import java.util.List;

/**
 * The seam where registration hands fees to the payments module, which implements this interface
 * (registration never depends on payments). Both methods run inside the caller's transaction: to
 * refuse, throw {@code ApiException(ErrorCode.PAYMENT_INITIATION_FAILED, reason)} and nothing the
 * student did is kept. When no implementation exists, submission needs no payment step and
 * training-fee payments answer {@code payment_initiation_failed}.
 */
public interface RegistrationFeePayments {

    /** Starts paying the registration fee of a submitted application (only called when the fee is above zero). */
    PaymentStart startRegistrationFee(RegistrationFee fee);

    /** Starts paying (part of) the training fee of an application whose registration fee is paid. */
    PaymentStart startTrainingFee(TrainingFee fee);

    /** What a registration fee is for and who pays it. */
    record RegistrationFee(
            int applicationId, String applicationNumber, String userId, String email, String firstName, String lastName,
            BigDecimal amount, String currency, String description) {}

    /** A requested training-fee payment; instalment rules ({@code installmentPercentage}) are the payments module's to apply. */
    record TrainingFee(
            int applicationId, String sessionId, String userId, String email, BigDecimal requestedAmount, BigDecimal trainingFee,
            String currency, List<BigDecimal> installmentPercentage, String description) {}

    /** The contract's {@code InitPaymentOut}: where to send the payer. */
    record PaymentStart(
            String paymentProvider, BigDecimal amount, String transactionId, String paymentLink, String notifyUrl, String message) {}
}
