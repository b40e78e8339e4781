package org.lafaom.platform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for integration tests: JSON in, status plus parsed JSON out. */
public final class Http {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Response(int status, JsonNode json, String body, HttpResponse<byte[]> raw) {

        public String text(String path) {
            JsonNode node = at(path);
            return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
        }

        public JsonNode at(String path) {
            return json == null ? null : json.at(path);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** Optional request extras: bearer token, client address (X-Forwarded-For), headers. */
    public static final class Options {
        private final Map<String, String> headers = new LinkedHashMap<>();

        public static Options bearer(String token) {
            return new Options().header("Authorization", "Bearer " + token);
        }

        public static Options from(String address) {
            return new Options().header("X-Forwarded-For", address);
        }

        public Options header(String name, String value) {
            headers.put(name, value);
            return this;
        }
    }

    public Response get(String path) {
        return get(path, new Options());
    }

    public Response get(String path, Options options) {
        return send(request(path, options).GET());
    }

    public Response options(String path, Options options) {
        return send(request(path, options).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    public Response delete(String path, Options options) {
        return send(request(path, options).DELETE());
    }

    public Response post(String path, Object body) {
        return post(path, body, new Options());
    }

    public Response post(String path, Object body, Options options) {
        return send(request(path, options).header("Content-Type", "application/json").POST(bodyOf(body)));
    }

    public Response put(String path, Object body, Options options) {
        return send(request(path, options).header("Content-Type", "application/json").PUT(bodyOf(body)));
    }

    public Response patch(String path, Object body, Options options) {
        HttpRequest.Builder request = request(path, options);
        return send(body == null ? request.method("PATCH", HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method("PATCH", bodyOf(body)));
    }

    public Response postRaw(String path, String contentType, byte[] body, Options options) {
        return send(request(path, options).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response putRaw(String path, String contentType, byte[] body, Options options) {
        return send(request(path, options).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response post(String path, Multipart form, Options options) {
        return postRaw(path, form.contentType(), form.bytes(), options);
    }

    public Response put(String path, Multipart form, Options options) {
        return putRaw(path, form.contentType(), form.bytes(), options);
    }

    /** A multipart/form-data body with one file part. */
    public Response upload(String path, String field, String filename, String contentType, byte[] content, Options options) {
        String boundary = "----lafaom" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
        return postRaw(path, "multipart/form-data; boundary=" + boundary, all, options);
    }

    /** A multipart/form-data body with text fields and one file part (skipped when {@code content} is null). */
    public Response uploadForm(String path, Map<String, String> fields, String field, String filename, String contentType,
            byte[] content, Options options) {
        String boundary = "----lafaom" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (content != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return postRaw(path, "multipart/form-data; boundary=" + boundary, body.toByteArray(), options);
    }

    /** An application/x-www-form-urlencoded POST, as a browser form sends it. */
    public Response postForm(String path, Map<String, String> fields, Options options) {
        String body = String.join("&", fields.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
        return postRaw(path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8), options);
    }

    private HttpRequest.Builder request(String path, Options options) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        options.headers.forEach(builder::header);
        return builder;
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        if (body instanceof String s) {
            return HttpRequest.BodyPublishers.ofString(s);
        }
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            String text = new String(response.body(), StandardCharsets.UTF_8);
            JsonNode json = null;
            if (response.headers().firstValue("Content-Type").orElse("").contains("json") && !text.isEmpty()) {
                json = JSON.readTree(text);
            }
            return new Response(response.statusCode(), json, text, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
