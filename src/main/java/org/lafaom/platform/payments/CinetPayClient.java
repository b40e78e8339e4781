package org.lafaom.platform.payments;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * CinetPay's checkout API: {@code POST /v2/payment} to open a payment and {@code POST
 * /v2/payment/check} to learn its status, both JSON. CinetPay speaks through the {@code code} of its
 * answer ("201" created, "00" accepted...), not the HTTP status, so any JSON answer is read; no
 * answer, a timeout, a 5xx or a body that is not JSON is {@link Unavailable}.
 */
@Component
class CinetPayClient {

    /** CinetPay could not be asked (down, slow, garbled answer): nothing is known, try later. */
    static class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    /** CinetPay answered and refused to open the payment (bad amount, credentials, duplicate id...). */
    static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    record Opened(String paymentUrl, String paymentToken, String apiResponseId) {}

    /** What the check call said; {@code status} is empty when the answer carried none. */
    record Check(String code, String message, String status, BigDecimal amount, String currency, String paymentMethod,
            String operatorId, String paymentDate) {}

    private final PaymentsProperties.CinetPay settings;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;
    private final HttpClient http;

    CinetPayClient(PaymentsProperties properties, ObjectMapper mapper, MeterRegistry meters) {
        this.settings = properties.cinetpay();
        this.mapper = mapper;
        this.meters = meters;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    Opened open(Map<String, Object> payment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apikey", settings.apiKey());
        body.put("site_id", settings.siteId());
        body.putAll(payment);
        JsonNode answer = post("/v2/payment", "init", body);
        String code = answer.path("code").asString("");
        JsonNode data = answer.path("data");
        String url = data.path("payment_url").asString("");
        if (!"201".equals(code) || url.isBlank()) {
            String description = answer.path("description").asString("");
            throw new Refused("CinetPay code " + (code.isBlank() ? "?" : code) + " " + answer.path("message").asString("")
                    + (description.isBlank() ? "" : " - " + description));
        }
        return new Opened(url, data.path("payment_token").asString(null), answer.path("api_response_id").asString(null));
    }

    Check check(String transactionId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apikey", settings.apiKey());
        body.put("site_id", settings.siteId());
        body.put("transaction_id", transactionId);
        JsonNode answer = post("/v2/payment/check", "check", body);
        JsonNode data = answer.path("data");
        BigDecimal amount = null;
        JsonNode amountNode = data.path("amount");
        if (amountNode.isNumber()) {
            amount = amountNode.decimalValue();
        } else if (amountNode.isString() && !amountNode.asString().isBlank()) {
            try {
                amount = new BigDecimal(amountNode.asString().trim());
            } catch (NumberFormatException e) {
                amount = null;
            }
        }
        return new Check(answer.path("code").asString(""), answer.path("message").asString(""),
                data.path("status").asString(""), amount, data.path("currency").asString(""),
                data.path("payment_method").asString(null), data.path("operator_id").asString(null),
                data.path("payment_date").asString(null));
    }

    private JsonNode post(String path, String call, Map<String, Object> body) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "unavailable";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                throw new Unavailable("CinetPay " + call + ": HTTP " + response.statusCode());
            }
            JsonNode answer;
            try {
                answer = mapper.readTree(response.body());
            } catch (JacksonException e) {
                throw new Unavailable("CinetPay " + call + ": HTTP " + response.statusCode() + " with a body that is not JSON");
            }
            if (answer == null || !answer.isObject()) {
                throw new Unavailable("CinetPay " + call + ": HTTP " + response.statusCode() + " with no JSON object");
            }
            outcome = "answered";
            return answer;
        } catch (HttpTimeoutException e) {
            outcome = "timeout";
            throw new Unavailable("CinetPay " + call + ": no answer within " + settings.timeout().toSeconds() + " s");
        } catch (IOException e) {
            throw new Unavailable("CinetPay " + call + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("CinetPay " + call + ": interrupted");
        } finally {
            sample.stop(meters.timer("lafaom.cinetpay.requests", "call", call, "outcome", outcome));
        }
    }
}
