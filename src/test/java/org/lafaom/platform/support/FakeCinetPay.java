package org.lafaom.platform.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for CinetPay's checkout API speaking its protocol over HTTP: {@code POST /v2/payment}
 * (JSON; code "201" with a payment_url, or an error code) and {@code POST /v2/payment/check} (JSON;
 * the transaction's status as the test set it: ACCEPTED, REFUSED, WAITING_FOR_CUSTOMER, a wrong
 * amount or currency, or no answer at all). It also writes the notifications CinetPay would send,
 * form-encoded and signed with x-token. One instance serves the whole test run, like TestMail.
 */
public final class FakeCinetPay {

    public static final String API_KEY = "fake-cinetpay-api-key";
    public static final String SITE_ID = "105900001";
    public static final String SECRET_KEY = "fake-cinetpay-secret-key";

    /** How an initiation fails, chosen per customer e-mail. */
    public enum InitFailure { ERROR_CODE, HTTP_500, TIMEOUT, NOT_JSON }

    /** A payment CinetPay opened: what the merchant asked for. */
    public record Opened(String transactionId, long amount, String currency, JsonNode request) {}

    /** What the check call answers for a transaction. */
    private record Answer(String code, String message, String status, String amount, String currency) {}

    /** A notification as CinetPay posts it: the form body and its x-token header. */
    public record Notification(String body, String xToken) {}

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static FakeCinetPay instance;

    private final HttpServer server;
    private final Map<String, Opened> opened = new ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, InitFailure> initFailures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> checks = new ConcurrentHashMap<>();
    private final Set<String> seenInitiations = ConcurrentHashMap.newKeySet();
    private volatile boolean checkDown;

    private FakeCinetPay() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v2/payment/check", this::check);
        server.createContext("/v2/payment", this::initiate);
        server.start();
    }

    public static synchronized FakeCinetPay instance() {
        if (instance == null) {
            instance = new FakeCinetPay();
        }
        return instance;
    }

    public static String url() {
        return "http://127.0.0.1:" + instance().server.getAddress().getPort();
    }

    /** Initiations for this customer fail that way from now on; {@code null} lets them succeed again. */
    public void failInitiationFor(String customerEmail, InitFailure failure) {
        if (failure == null) {
            initFailures.remove(customerEmail.toLowerCase());
            return;
        }
        initFailures.put(customerEmail.toLowerCase(), failure);
    }

    /** The transaction ids of every initiation received for this customer, opened or not. */
    public List<String> initiationsFor(String customerEmail) {
        return seenInitiations.stream().filter(s -> s.startsWith(customerEmail.toLowerCase() + " "))
                .map(s -> s.substring(s.indexOf(' ') + 1)).toList();
    }

    public Opened opened(String transactionId) {
        Opened o = opened.get(transactionId);
        if (o == null) {
            throw new AssertionError("CinetPay never opened " + transactionId);
        }
        return o;
    }

    /** A transaction opened before this fake existed (by the old backend, say). */
    public void knownFromBefore(String transactionId, long amount, String currency) {
        opened.put(transactionId, new Opened(transactionId, amount, currency, JSON.createObjectNode()));
    }

    /** The customer paid what was asked. */
    public void pay(String transactionId) {
        Opened o = opened(transactionId);
        answers.put(transactionId, new Answer("00", "SUCCES", "ACCEPTED", String.valueOf(o.amount()), o.currency()));
    }

    /** CinetPay reports ACCEPTED, but for another amount or currency than was asked. */
    public void acceptWith(String transactionId, long amount, String currency) {
        answers.put(transactionId, new Answer("00", "SUCCES", "ACCEPTED", String.valueOf(amount), currency));
    }

    public void refuse(String transactionId) {
        Opened o = opened(transactionId);
        answers.put(transactionId, new Answer("627", "TRANSACTION_CANCEL", "REFUSED", String.valueOf(o.amount()), o.currency()));
    }

    public void waitForCustomer(String transactionId) {
        Opened o = opened(transactionId);
        answers.put(transactionId, new Answer("662", "WAITING_CUSTOMER_PAYMENT", "WAITING_FOR_CUSTOMER", String.valueOf(o.amount()),
                o.currency()));
    }

    /** While down, the check call answers 503 with an HTML page. */
    public void checkDown(boolean down) {
        this.checkDown = down;
    }

    public int checks(String transactionId) {
        return checks.computeIfAbsent(transactionId, t -> new AtomicInteger()).get();
    }

    /** The notification CinetPay sends for a transaction; {@code rightKey} false signs it with another key. */
    public Notification notification(String transactionId, boolean rightKey) {
        return notification(transactionId, rightKey, "2025-09-17 10:15:00");
    }

    public Notification notification(String transactionId, boolean rightKey, String transactionDate) {
        Opened o = opened(transactionId);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("cpm_site_id", SITE_ID);
        form.put("cpm_trans_id", transactionId);
        form.put("cpm_trans_date", transactionDate);
        form.put("cpm_amount", String.valueOf(o.amount()));
        form.put("cpm_currency", o.currency());
        form.put("signature", "sig-" + transactionId.substring(0, 8));
        form.put("payment_method", "OM");
        form.put("cel_phone_num", "770000000");
        form.put("cpm_phone_prefixe", "221");
        form.put("cpm_language", "fr");
        form.put("cpm_version", "V4");
        form.put("cpm_payment_config", "SINGLE");
        form.put("cpm_page_action", "PAYMENT");
        form.put("cpm_custom", o.request().path("metadata").asString(""));
        form.put("cpm_designation", o.request().path("description").asString(""));
        form.put("cpm_error_message", "");
        String token = sign(rightKey ? SECRET_KEY : "not-the-merchant-key", form);
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return new Notification(body, token);
    }

    /** HMAC-SHA256 over the documented fields in order, hex, as CinetPay computes x-token. */
    public static String sign(String key, Map<String, String> form) {
        String data = String.join("", List.of("cpm_site_id", "cpm_trans_id", "cpm_trans_date", "cpm_amount", "cpm_currency",
                "signature", "payment_method", "cel_phone_num", "cpm_phone_prefixe", "cpm_language", "cpm_version",
                "cpm_payment_config", "cpm_page_action", "cpm_custom", "cpm_designation", "cpm_error_message")
                .stream().map(f -> form.getOrDefault(f, "")).toList());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void initiate(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String transactionId = request.path("transaction_id").asString("");
        String email = request.path("customer_email").asString("").toLowerCase();
        seenInitiations.add(email + " " + transactionId);
        InitFailure failure = initFailures.get(email);
        if (failure == InitFailure.TIMEOUT) {
            sleep(4000);
            reply(exchange, 500, "{}");
            return;
        }
        if (failure == InitFailure.HTTP_500) {
            reply(exchange, 500, "<html><body>Internal Server Error</body></html>");
            return;
        }
        if (failure == InitFailure.NOT_JSON) {
            reply(exchange, 200, "<html><body>Maintenance</body></html>");
            return;
        }
        if (failure == InitFailure.ERROR_CODE) {
            reply(exchange, 400, "{\"code\":\"624\",\"message\":\"ERROR_PROCESSING\",\"description\":\"An error occurred while processing the request\"}");
            return;
        }
        if (!API_KEY.equals(request.path("apikey").asString("")) || !SITE_ID.equals(request.path("site_id").asString(""))) {
            reply(exchange, 400, "{\"code\":\"609\",\"message\":\"AUTH_NOT_FOUND\",\"description\":\"Merchant authentication failed\"}");
            return;
        }
        JsonNode amount = request.path("amount");
        String currency = request.path("currency").asString("");
        if (!amount.isIntegralNumber() || amount.asLong() <= 0 || amount.asLong() % 5 != 0
                || !Set.of("XOF", "XAF", "CDF", "GNF", "USD").contains(currency)) {
            reply(exchange, 400, "{\"code\":\"608\",\"message\":\"MINIMUM_REQUIRED_FIELDS\",\"description\":\"amount must be a multiple of 5 and currency supported\"}");
            return;
        }
        if (opened.containsKey(transactionId) || transactionId.isBlank()) {
            reply(exchange, 400, "{\"code\":\"805\",\"message\":\"CLIENT_TRANSACTION_ID_EXIST\",\"description\":\"transaction id already used\"}");
            return;
        }
        opened.put(transactionId, new Opened(transactionId, amount.asLong(), currency, request));
        String token = UUID.randomUUID().toString().replace("-", "");
        reply(exchange, 200, "{\"code\":\"201\",\"message\":\"CREATED\",\"description\":\"Transaction created with success\","
                + "\"data\":{\"payment_token\":\"" + token + "\",\"payment_url\":\"https://checkout.cinetpay.com/payment/" + token + "\"},"
                + "\"api_response_id\":\"" + System.nanoTime() + ".fake\"}");
    }

    private void check(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String transactionId = request.path("transaction_id").asString("");
        checks.computeIfAbsent(transactionId, t -> new AtomicInteger()).incrementAndGet();
        if (checkDown) {
            reply(exchange, 503, "<html><body>Service Unavailable</body></html>");
            return;
        }
        if (!API_KEY.equals(request.path("apikey").asString("")) || !SITE_ID.equals(request.path("site_id").asString(""))) {
            reply(exchange, 400, "{\"code\":\"609\",\"message\":\"AUTH_NOT_FOUND\"}");
            return;
        }
        Opened o = opened.get(transactionId);
        if (o == null) {
            reply(exchange, 404, "{\"code\":\"662\",\"message\":\"TRANSACTION_NOT_FOUND\",\"description\":\"unknown transaction\"}");
            return;
        }
        Answer a = answers.getOrDefault(transactionId,
                new Answer("662", "WAITING_CUSTOMER_PAYMENT", "WAITING_FOR_CUSTOMER", String.valueOf(o.amount()), o.currency()));
        reply(exchange, 200, "{\"code\":\"" + a.code() + "\",\"message\":\"" + a.message() + "\",\"data\":{\"amount\":\"" + a.amount()
                + "\",\"currency\":\"" + a.currency() + "\",\"status\":\"" + a.status() + "\",\"payment_method\":\"OM\","
                + "\"description\":\"" + o.request().path("description").asString("") + "\",\"metadata\":\""
                + o.request().path("metadata").asString("") + "\",\"operator_id\":\"MP" + transactionId.substring(0, 8)
                + "\",\"payment_date\":\"2025-09-17 10:16:00\"},\"api_response_id\":\"" + System.nanoTime() + ".check\"}");
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json" : "text/html");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
