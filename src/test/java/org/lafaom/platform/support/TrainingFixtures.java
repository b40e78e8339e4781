package org.lafaom.platform.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds catalogue data through the HTTP API, as staff would: specialties, trainings, sessions, PDFs. */
public final class TrainingFixtures {

    /** The smallest file whose first bytes say PDF. */
    public static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Http http;
    private final String adminToken;

    public TrainingFixtures(Http http, String adminToken) {
        this.http = http;
        this.adminToken = adminToken;
    }

    public Http.Options admin() {
        return Http.Options.bearer(adminToken);
    }

    public int specialty() {
        Http.Response r = http.post("/api/v1/specialties", Map.of("name", "Spécialité " + UUID.randomUUID(), "description", "d"), admin());
        return ok(r).at("/data/id").asInt();
    }

    public String training() {
        return training("Formation " + UUID.randomUUID().toString().substring(0, 8), specialty());
    }

    public String training(String title, int specialtyId) {
        Http.Response r = http.post("/api/v1/trainings", Map.of("title", title, "specialty_id", specialtyId, "training_type", "On-Site",
                "duration", 6, "duration_unit", "MONTHS", "presentation", "Présentation"), admin());
        return ok(r).text("/data/id");
    }

    /** An open session, free of fees, with 10 slots, unless {@code overrides} says otherwise. */
    public String session(String trainingId, Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "training_id", trainingId,
                "start_date", LocalDate.now().plusMonths(1).toString(),
                "end_date", LocalDate.now().plusMonths(7).toString(),
                "registration_deadline", LocalDate.now().plusDays(20).toString(),
                "available_slots", 10,
                "status", "OPEN_FOR_REGISTRATION",
                "registration_fee", 0,
                "training_fee", 150000,
                "currency", "XOF"));
        body.putAll(overrides);
        return ok(http.post("/api/v1/training-sessions", body, admin())).text("/data/id");
    }

    public String openSession() {
        return session(training(), Map.of());
    }

    /** Applies through the public route from a fresh client address; returns the response. */
    public Http.Response apply(String email, String sessionId) {
        return http.post("/api/v1/student-applications", Map.of("email", email, "target_session_id", sessionId,
                "first_name", "Fatou", "last_name", "Sow", "phone_number", "+221770000000", "country_code", "SN",
                "civility", "Mme", "city", "Dakar", "date_of_birth", ""), Http.Options.from(freshAddress()));
    }

    public Http.Response upload(String token, int applicationId, String name, byte[] content) {
        return http.uploadForm("/api/v1/my-student-applications/" + applicationId + "/attachments", Map.of("name", name), "file",
                name + ".pdf", "application/pdf", content, Http.Options.bearer(token));
    }

    /** A map of any size (Map.of stops at ten pairs). */
    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static int addresses = 1;

    /** A client address no other test has used, so per-address limits and follow-ups stay apart. */
    public static synchronized String freshAddress() {
        int n = addresses++;
        return "10.88." + (n / 250) + "." + (n % 250 + 1);
    }

    private static Http.Response ok(Http.Response r) {
        if (r.status() != 200) {
            throw new AssertionError("fixture request failed: " + r.status() + " " + r.body());
        }
        return r;
    }
}
