package org.lafaom.platform.payments;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.ErrorResponse;
import org.lafaom.platform.shared.FieldError;
import org.lafaom.platform.tasks.BackgroundTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What CinetPay calls: the notification URL (a GET ping, then a signed form POST on each status
 * change) and the return URL the customer's browser comes back to. A notification is only a hint:
 * once its x-token verifies, a confirmation task asks CinetPay's check call what really happened.
 */
@RestController
@RequestMapping("/api/v1/payments/cinetpay")
class CinetPayNotificationController {

    private static final Logger log = LoggerFactory.getLogger(CinetPayNotificationController.class);
    private static final List<String> REQUIRED = List.of(
            "cpm_site_id", "cpm_trans_id", "cpm_trans_date", "cpm_amount", "cpm_currency", "signature", "payment_method");
    private static final Pattern TRANSACTION_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");
    private static final Map<String, Boolean> OK = Map.of("ok", true);

    private final PaymentsProperties properties;
    private final PaymentSettlement settlement;
    private final BackgroundTasks tasks;
    private final OneTimeTask<String> confirmTask;
    private final MeterRegistry meters;

    CinetPayNotificationController(PaymentsProperties properties, PaymentSettlement settlement, BackgroundTasks tasks,
            OneTimeTask<String> paymentConfirmTask, MeterRegistry meters) {
        this.properties = properties;
        this.settlement = settlement;
        this.tasks = tasks;
        this.confirmTask = paymentConfirmTask;
        this.meters = meters;
    }

    /** CinetPay checks the URL is reachable before it uses it. */
    @GetMapping("/notify")
    Map<String, Boolean> ping() {
        return OK;
    }

    @PostMapping("/notify")
    ResponseEntity<?> notify(@RequestParam MultiValueMap<String, String> form,
            @RequestHeader(name = "x-token", required = false) String token) {
        Map<String, String> fields = new HashMap<>();
        form.forEach((name, values) -> fields.put(name, values.isEmpty() ? "" : values.getFirst()));
        List<FieldError> missing = new ArrayList<>();
        REQUIRED.stream().filter(name -> fields.get(name) == null || fields.get(name).isBlank())
                .forEach(name -> missing.add(FieldError.of("body", name, "Field required")));
        if (token == null || token.isBlank()) {
            missing.add(FieldError.of("header", "x-token", "Field required"));
        }
        if (!missing.isEmpty()) {
            count("invalid");
            return ResponseEntity.status(ErrorCode.VALIDATION_ERROR.status()).body(ErrorResponse.validation(null, missing));
        }
        String secret = properties.cinetpay().secretKey();
        if (secret.isBlank()) {
            count("not_configured");
            log.error("CinetPay notification for {} refused: CINETPAY_SECRET_KEY is not set, so its x-token cannot be verified."
                    + " Payments are still confirmed by reconciliation.", fields.get("cpm_trans_id"));
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Payment notifications are not configured");
        }
        if (!CinetPaySignature.verify(secret, fields, token)) {
            count("bad_signature");
            log.warn("CinetPay notification for {} refused: x-token does not verify", fields.get("cpm_trans_id"));
            throw new ApiException(ErrorCode.NOTIFICATION_SIGNATURE_INVALID);
        }
        String transactionId = fields.get("cpm_trans_id").trim();
        if (!TRANSACTION_ID.matcher(transactionId).matches() || settlement.find(transactionId).isEmpty()) {
            count("unknown_transaction");
            log.warn("Signed CinetPay notification for unknown transaction {}", transactionId);
            return ResponseEntity.ok(OK);
        }
        if (!properties.cinetpay().siteId().equals(fields.get("cpm_site_id").trim())) {
            log.warn("CinetPay notification for {} names site {}, ours is another; confirming with our own credentials anyway",
                    transactionId, fields.get("cpm_site_id"));
        }
        // One task per distinct notification: twenty copies of the same one are one confirmation.
        tasks.start(confirmTask, transactionId + "/" + token.trim().toLowerCase().substring(0, Math.min(16, token.trim().length())),
                transactionId);
        count("accepted");
        return ResponseEntity.ok(OK);
    }

    /**
     * Where CinetPay sends the customer's browser back (GET or POST with {@code transaction_id}).
     * Nothing here changes a payment; it forwards to the site when {@code CINETPAY_RETURN_REDIRECT}
     * is set, or says the payment is being verified.
     */
    @RequestMapping(value = "/return", method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> returned(@RequestParam(name = "transaction_id", required = false) String transactionId) {
        String redirect = properties.cinetpay().returnRedirect();
        if (!redirect.isBlank()) {
            String target = redirect;
            if (transactionId != null && TRANSACTION_ID.matcher(transactionId).matches()) {
                target += (redirect.contains("?") ? "&" : "?") + "transaction_id=" + transactionId;
            }
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(target)).build();
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body("""
                        <!doctype html><html lang="fr"><head><meta charset="utf-8"><title>LAFAOM-MAO</title></head>
                        <body><p>Merci. Votre paiement est en cours de vérification ; vous recevrez un e-mail dès qu'il sera confirmé.</p>
                        <p lang="en">Thank you. Your payment is being verified; you will receive an e-mail once it is confirmed.</p>
                        </body></html>""");
    }

    private void count(String outcome) {
        meters.counter("lafaom.payments.notifications", "outcome", outcome).increment();
    }
}
