package org.lafaom.platform.support;

import java.nio.charset.StandardCharsets;

/**
 * Base of tests whose flow ends at CinetPay (the fake): what every payer module's tests need to
 * pay, notify signed, and wait for the settlement.
 */
public abstract class PaymentFlowTest extends IntegrationTest {

    protected static final FakeCinetPay CINETPAY = FakeCinetPay.instance();
    protected static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    protected Http.Response notifyCinetPay(FakeCinetPay.Notification notification) {
        return http.postRaw("/api/v1/payments/cinetpay/notify", "application/x-www-form-urlencoded",
                notification.body().getBytes(StandardCharsets.UTF_8), new Http.Options().header("x-token", notification.xToken()));
    }

    protected String paymentStatus(String transactionId) {
        return jdbc.sql("SELECT status FROM payments WHERE transaction_id = :tx").param("tx", transactionId)
                .query(String.class).single();
    }

    protected void awaitPaymentStatus(String transactionId, String status) {
        Eventually.await("payment " + transactionId + " is " + status, () -> status.equals(paymentStatus(transactionId)));
    }

    /** Waits until no confirmation of this payment is queued or running. */
    protected void awaitNoConfirmationQueued(String transactionId) {
        Eventually.await("confirmations of " + transactionId + " done", () -> jdbc.sql(
                "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'payment-confirm' AND task_instance LIKE :tx || '%'")
                .param("tx", transactionId).query(Long.class).single() == 0);
    }
}
