/**
 * Payments through CinetPay for every payer flow (job, student and cabinet applications, training-fee
 * instalments): initiation inside the payer's transaction, signed notifications, confirmation by the
 * check call, settlement exactly once (published as {@link org.lafaom.platform.payments.PaymentSettled}
 * inside the settling transaction), periodic reconciliation of pending payments, and the staff routes.
 * Payer modules use only {@link org.lafaom.platform.payments.Payments}, {@link
 * org.lafaom.platform.payments.PaymentRequest}, {@link org.lafaom.platform.payments.InitiatedPayment},
 * {@link org.lafaom.platform.payments.PayableType} and the event.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "tasks"})
package org.lafaom.platform.payments;
