package org.lafaom.platform.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for an S3-compatible server (as MinIO or Scaleway answer it) speaking the S3 REST
 * protocol with path-style addresses: {@code HEAD /bucket}, and {@code PUT}, {@code GET}, {@code HEAD}
 * and {@code DELETE} of {@code /bucket/key}. Every request must carry a valid AWS Signature Version 4
 * ({@code Authorization: AWS4-HMAC-SHA256 ...}) made with the test key pair, as a real server checks
 * it; a signed payload is checked against its hash and an {@code aws-chunked} body is decoded. Errors
 * are S3's XML documents. {@link #down(boolean)} makes it answer 503 to everything, as a provider
 * outage does.
 */
public final class FakeS3 {

    public static final String ACCESS_KEY = "FAKES3ACCESSKEY0001";
    public static final String SECRET_KEY = "fake-s3-secret-key-for-tests-only";
    public static final String REGION = "fr-par";

    /** A stored object as the server keeps it. */
    public record StoredObject(byte[] content, String contentType, Instant lastModified) {}

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/s3/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final HttpServer server;
    private final String bucket;
    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    private FakeS3(String bucket) {
        this.bucket = bucket;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-s3");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** A server holding one (empty) bucket of this name. */
    public static FakeS3 start(String bucket) {
        return new FakeS3(bucket);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The objects of the bucket by their full key (prefix included). */
    public Map<String, StoredObject> objects() {
        return objects;
    }

    /** Every request received, as "METHOD /path". */
    public List<String> requests() {
        return requests;
    }

    public void down(boolean down) {
        this.down = down;
    }

    public void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            requests.add(method + " " + path);
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (down) {
                error(exchange, 503, "ServiceUnavailable", "Please reduce your request rate.");
                return;
            }
            String refusal = authorizationProblem(exchange, body);
            if (refusal != null) {
                error(exchange, 403, "SignatureDoesNotMatch", refusal);
                return;
            }
            String[] parts = path.substring(1).split("/", 2);
            if (!parts[0].equals(bucket)) {
                error(exchange, 404, "NoSuchBucket", "The specified bucket does not exist");
                return;
            }
            if (parts.length == 1 || parts[1].isEmpty()) {
                if (method.equals("HEAD")) {
                    exchange.sendResponseHeaders(200, -1);
                } else {
                    error(exchange, 501, "NotImplemented", "Only HEAD of a bucket is implemented");
                }
                return;
            }
            String key = java.net.URLDecoder.decode(parts[1].replace("+", "%2B"), StandardCharsets.UTF_8);
            switch (method) {
                case "PUT" -> put(exchange, key, body);
                case "GET", "HEAD" -> get(exchange, key, method.equals("HEAD"));
                case "DELETE" -> {
                    objects.remove(key);
                    exchange.sendResponseHeaders(204, -1);
                }
                default -> error(exchange, 405, "MethodNotAllowed", "The specified method is not allowed");
            }
        } catch (RuntimeException e) {
            error(exchange, 500, "InternalError", String.valueOf(e));
        }
    }

    private void put(HttpExchange exchange, String key, byte[] body) throws IOException {
        byte[] content = body;
        String payload = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
        if (payload != null && payload.startsWith("STREAMING-")) {
            content = decodeChunks(body);
            String decoded = exchange.getRequestHeaders().getFirst("x-amz-decoded-content-length");
            if (decoded == null || Long.parseLong(decoded) != content.length) {
                error(exchange, 400, "IncompleteBody", "The decoded length does not match x-amz-decoded-content-length");
                return;
            }
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        objects.put(key, new StoredObject(content, type == null ? "binary/octet-stream" : type, Instant.now()));
        exchange.getResponseHeaders().set("ETag", etag(content));
        exchange.sendResponseHeaders(200, -1);
    }

    private void get(HttpExchange exchange, String key, boolean head) throws IOException {
        StoredObject object = objects.get(key);
        if (object == null) {
            if (head) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
            }
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", object.contentType());
        exchange.getResponseHeaders().set("ETag", etag(object.content()));
        exchange.getResponseHeaders().set("Last-Modified", HTTP_DATE.format(object.lastModified()));
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(object.content().length));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, object.content().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(object.content());
        }
    }

    /** Why this request's SigV4 signature does not hold, or null when it does. */
    private String authorizationProblem(HttpExchange exchange, byte[] body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null) {
            return "No Authorization header";
        }
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.matches()) {
            return "Not an AWS4-HMAC-SHA256 authorization: " + authorization;
        }
        if (!m.group(1).equals(ACCESS_KEY)) {
            return "Unknown access key " + m.group(1);
        }
        String amzDate = exchange.getRequestHeaders().getFirst("x-amz-date");
        String payloadHash = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
        if (amzDate == null || payloadHash == null || !amzDate.startsWith(m.group(2))) {
            return "x-amz-date or x-amz-content-sha256 missing or not matching the credential's date";
        }
        if (!payloadHash.equals("UNSIGNED-PAYLOAD") && !payloadHash.startsWith("STREAMING-") && !payloadHash.equals(hex(sha256(body)))) {
            return "The payload does not match x-amz-content-sha256";
        }
        List<String> signed = Arrays.asList(m.group(4).split(";"));
        if (!signed.contains("host")) {
            return "The host header is not signed";
        }
        StringBuilder canonical = new StringBuilder()
                .append(exchange.getRequestMethod()).append('\n')
                .append(exchange.getRequestURI().getRawPath()).append('\n')
                .append(canonicalQuery(exchange.getRequestURI().getRawQuery())).append('\n');
        for (String name : signed) {
            List<String> values = exchange.getRequestHeaders().get(name);
            if (values == null) {
                return "Signed header " + name + " is missing";
            }
            canonical.append(name).append(':')
                    .append(values.stream().map(v -> v.trim().replaceAll(" +", " ")).collect(Collectors.joining(","))).append('\n');
        }
        canonical.append('\n').append(m.group(4)).append('\n').append(payloadHash);
        String scope = m.group(2) + "/" + m.group(3) + "/s3/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + SECRET_KEY).getBytes(StandardCharsets.UTF_8), m.group(2));
        key = hmac(key, m.group(3));
        key = hmac(key, "s3");
        key = hmac(key, "aws4_request");
        String expected = hex(hmac(key, toSign));
        return expected.equals(m.group(5)) ? null : "The request signature we calculated does not match the signature you provided";
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            pairs.add(pair.contains("=") ? pair : pair + "=");
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    /** The data of an aws-chunked body: {@code <hex size>;chunk-signature=<sig>\r\n<data>\r\n}, ending with a 0-size chunk. */
    private static byte[] decodeChunks(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(body, at);
            String header = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";", 2)[0].trim(), 16);
            at = lineEnd + 2;
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(body, at, size);
            at += size + 2;
        }
    }

    private static int indexOf(byte[] body, int from) {
        for (int i = from; i + 1 < body.length; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("Malformed aws-chunked body");
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>fake</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, xml.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(xml);
        }
    }

    private static String etag(byte[] content) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)) + "\"";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
