package org.lafaom.platform.support;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of HTTP integration tests: the whole service on a random port, a real PostgreSQL database of
 * its own, a real SMTP server, and the first administrator bootstrapped from settings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    public static final String ADMIN_EMAIL = "admin@lafaom.test";
    public static final String ADMIN_PASSWORD = "Admin-Password-1";
    public static final String OAUTH_CLIENT_ID = "reporting";
    public static final String OAUTH_CLIENT_SECRET = "reporting-secret-for-tests-only";
    public static final String PUBLIC_URL = "http://api.lafaom.test";
    private static final TestDatabase.Database DATABASE = TestDatabase.create("it");
    private static final String KEY_ENCRYPTION_KEY = randomKey();
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    private static final String RUN_PREFIX = "lafaom-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected Http http;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::url);
        registry.add("spring.datasource.username", DATABASE::username);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMail::port);
        registry.add("lafaom.auth.key-encryption-key", () -> KEY_ENCRYPTION_KEY);
        registry.add("lafaom.bootstrap-admin.email", () -> ADMIN_EMAIL);
        registry.add("lafaom.bootstrap-admin.password", () -> ADMIN_PASSWORD);
        registry.add("lafaom.web.public-url", () -> PUBLIC_URL);
        registry.add("lafaom.web.cors-allowed-origins", () -> "https://admin.lafaom.test,https://www.lafaom.test");
        registry.add("lafaom.auth.oauth-clients[0].client-id", () -> OAUTH_CLIENT_ID);
        registry.add("lafaom.auth.oauth-clients[0].client-secret", () -> OAUTH_CLIENT_SECRET);
        registry.add("lafaom.auth.oauth-clients[0].scopes", () -> "user:read");
        registry.add("lafaom.auth.oauth-clients[0].audiences", () -> "reporting-api");
        registry.add("lafaom.auth.throttle.address-failures", () -> "8");
        registry.add("lafaom.tasks.polling-interval", () -> "200ms");
        registry.add("lafaom.tasks.first-retry", () -> "200ms");
        registry.add("lafaom.tasks.max-retries", () -> "3");
        registry.add("lafaom.uploads.dir", () -> System.getProperty("java.io.tmpdir") + "/lafaom-test-uploads");
        // Every context on this database talks to the same fake CinetPay, whichever one runs a payment task.
        registry.add("lafaom.payments.cinetpay.api-url", FakeCinetPay::url);
        registry.add("lafaom.payments.cinetpay.api-key", () -> FakeCinetPay.API_KEY);
        registry.add("lafaom.payments.cinetpay.site-id", () -> FakeCinetPay.SITE_ID);
        registry.add("lafaom.payments.cinetpay.secret-key", () -> FakeCinetPay.SECRET_KEY);
        registry.add("lafaom.payments.cinetpay.timeout", () -> "2s");
        registry.add("lafaom.payments.reconciliation.interval", () -> "500ms");
        registry.add("lafaom.jobs.max-document-size", () -> "1MB");
        // Redis is shared by every test run on this machine: rate-limit counters and cached reads of
        // an earlier run must not leak into this one.
        registry.add("lafaom.cache.key-prefix", () -> RUN_PREFIX);
        registry.add("lafaom.blog.legacy-static-dir", () -> System.getProperty("java.io.tmpdir") + "/lafaom-test-legacy-static");
    }

    @BeforeEach
    void createClient() {
        http = new Http(port);
    }

    /** A client address of its own, so sign-in throttling of one test never touches another. */
    protected static String newAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    protected static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    protected String adminToken() {
        return login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    protected String login(String email, String password) {
        Http.Response r = http.post("/api/v1/auth/token", Map.of("email", email, "password", password), Http.Options.from(newAddress()));
        if (r.status() != 200 || r.text("/access_token/token") == null) {
            throw new AssertionError("login failed for " + email + ": " + r.status() + " " + r.body());
        }
        return r.text("/access_token/token");
    }

    /** Creates an active user through the API and returns its id. */
    protected String createUser(String email, String password, String userType) {
        Http.Response r = http.post("/api/v1/users", Map.of(
                "first_name", "Awa", "last_name", "Diop", "password", password, "email", email,
                "status", "active", "user_type", userType, "two_factor_enabled", false, "lang", "fr"),
                Http.Options.bearer(adminToken()));
        if (r.status() != 200) {
            throw new AssertionError("user creation failed: " + r.status() + " " + r.body());
        }
        return r.text("/data/id");
    }

    protected void grant(String userId, String... permissions) {
        Http.Response r = http.post("/api/v1/users/assign-permissions", Map.of("user_id", userId, "permissions", java.util.List.of(permissions)),
                Http.Options.bearer(adminToken()));
        if (r.status() != 200) {
            throw new AssertionError("grant failed: " + r.body());
        }
    }

    /** Signs in a new staff member holding these permissions (none: signed in, without rights). */
    protected String staffWith(String... permissions) {
        String email = uniqueEmail("staff");
        String id = createUser(email, "Staff-Password-1", "staff");
        if (permissions.length > 0) {
            grant(id, permissions);
        }
        return login(email, "Staff-Password-1");
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
