package org.lafaom.platform.moodle;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.lafaom.platform.tasks.PermanentTaskFailure;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Calls Moodle's REST server ({@code server.php}): form-encoded parameters in PHP array notation
 * ({@code users[0][email]=...}), JSON answers. Moodle reports errors as HTTP 200 with an
 * {@code exception} body: those are failures too. A bad token or a missing capability cannot be
 * fixed by retrying, so it is a {@link PermanentTaskFailure}; anything else (down, 5xx, slow,
 * other exceptions) is a {@link MoodleUnavailable} to retry later.
 */
@Component
class MoodleClient {

    private static final Set<String> CONFIGURATION_ERRORS = Set.of(
            "invalidtoken", "accessexception", "nopermissions", "webservicesnotenabled", "servicenotavailable",
            "invalidfunction", "wsusercannotassign", "wscannotenrol", "wsnoinstance");

    /** Moodle could not do it now; the task will retry. */
    static class MoodleUnavailable extends RuntimeException {
        MoodleUnavailable(String message) {
            super(message);
        }
    }

    private final MoodleProperties properties;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;
    private final HttpClient http;

    MoodleClient(MoodleProperties properties, ObjectMapper mapper, MeterRegistry meters) {
        this.properties = properties;
        this.mapper = mapper;
        this.meters = meters;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    JsonNode call(String function, Map<String, ?> parameters) {
        String token = properties.token();
        if (token == null && properties.configured()) {
            // The stack's Moodle init step writes the file once Moodle is installed: wait for it.
            throw new MoodleUnavailable("the token file " + properties.wsTokenFile() + " is not written yet");
        }
        if (token == null) {
            throw new PermanentTaskFailure("Moodle configuration error, neither MOODLE_WS_TOKEN nor MOODLE_WS_TOKEN_FILE gives a token");
        }
        StringJoiner form = new StringJoiner("&");
        form.add("wstoken=" + enc(token));
        form.add("wsfunction=" + enc(function));
        form.add("moodlewsrestformat=json");
        parameters.forEach((name, value) -> flatten(name, value, form));
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(properties.serverUrl()))
                    .timeout(properties.callTimeout())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new MoodleUnavailable(function + ": HTTP " + response.statusCode());
            }
            JsonNode body = mapper.readTree(response.body());
            if (body != null && body.isObject() && body.has("exception")) {
                String code = body.path("errorcode").asString("");
                String message = function + ": " + code + " - " + body.path("message").asString("");
                if (CONFIGURATION_ERRORS.contains(code)) {
                    outcome = "configuration_error";
                    throw new PermanentTaskFailure("Moodle configuration error, " + message);
                }
                throw new MoodleUnavailable(message);
            }
            outcome = "success";
            return body;
        } catch (IOException e) {
            throw new MoodleUnavailable(function + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MoodleUnavailable(function + ": interrupted");
        } catch (tools.jackson.core.JacksonException e) {
            throw new MoodleUnavailable(function + ": answer is not JSON");
        } finally {
            sample.stop(meters.timer("lafaom.moodle.calls", "function", function, "outcome", outcome));
        }
    }

    /** {@code users -> [{email: a}]} becomes {@code users[0][email]=a}. */
    private static void flatten(String name, Object value, StringJoiner form) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(name + "[" + k + "]", v, form));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(name + "[" + i + "]", list.get(i), form);
            }
        } else if (value != null) {
            form.add(enc(name) + "=" + enc(String.valueOf(value)));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
