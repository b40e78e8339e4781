package org.lafaom.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.FakeMoodle;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.TestDatabase;
import org.lafaom.platform.support.TestMail;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Both single sign-on flows of auth_jwtsso, driven by a real HTTP client that keeps cookies and
 * follows redirects, against a fake Moodle that applies the plugin's checks to every token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class MoodleSsoIntegrationTests {

    private static final int PORT = freePort();
    private static final String BASE = "http://127.0.0.1:" + PORT;
    private static final String ISSUER = BASE + "/api/v1/auth/moodle/sso";
    private static final FakeMoodle MOODLE = new FakeMoodle(freePort());
    private static final TestDatabase.Database DATABASE = TestDatabase.create("sso");
    private static final String ADMIN = "sso-admin@lafaom.test";
    private static final String PASSWORD = "Sso-Password-42";

    static {
        MOODLE.configure(ISSUER, BASE + "/api/v1/auth/jwks.json");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("spring.datasource.url", DATABASE::url);
        registry.add("spring.datasource.username", DATABASE::username);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMail::port);
        registry.add("lafaom.auth.key-encryption-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("lafaom.bootstrap-admin.email", () -> ADMIN);
        registry.add("lafaom.bootstrap-admin.password", () -> PASSWORD);
        registry.add("lafaom.web.public-url", () -> BASE);
        registry.add("lafaom.moodle.url", MOODLE::url);
        registry.add("lafaom.moodle.sso-refused-emails", () -> MOODLE_ADMIN);
    }

    private static final String MOODLE_ADMIN = "moodle-admin@lafaom.test";

    @AfterAll
    static void stopMoodle() {
        MOODLE.close();
    }

    /** A browser: keeps cookies, follows redirects. */
    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient client, String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\">").matcher(html);
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&#61;", "=").replace("&#x3D;", "=").replace("&amp;", "&")
                    .replace("&#x2F;", "/").replace("&#39;", "'").replace("&quot;", "\""));
        }
        return fields;
    }

    private String createUser(String email, boolean twoFactor, String status) {
        Http http = new Http(PORT);
        String admin = http.post("/api/v1/auth/token", Map.of("email", ADMIN, "password", PASSWORD)).text("/access_token/token");
        Http.Response r = http.post("/api/v1/users", Map.of("first_name", "Khady", "last_name", "Faye", "password", PASSWORD,
                "email", email, "status", status, "user_type", "student", "two_factor_enabled", twoFactor, "lang", "fr"), Http.Options.bearer(admin));
        assertThat(r.status()).isEqualTo(200);
        return r.text("/data/id");
    }

    @Test
    void whenStartedFromMoodleThenThePersonSignsInOnceAndGoesStraightThroughNextTime() throws Exception {
        String email = "flow-a-" + System.nanoTime() + "@example.test";
        createUser(email, false, "active");
        HttpClient browser = browser();

        HttpResponse<String> page = get(browser, MOODLE.url() + "/auth/jwtsso/start.php");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().toString()).startsWith(ISSUER);
        assertThat(page.body()).contains("Connexion à la plateforme de formation");
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        Map<String, String> form = hiddenFields(page.body());
        form.put("email", email.toUpperCase());
        form.put("password", PASSWORD);

        HttpResponse<String> signedIn = post(browser, ISSUER, form);

        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.uri().toString()).startsWith(MOODLE.url() + "/auth/jwtsso/callback.php?token=");
        assertThat(signedIn.body()).isEqualTo("Welcome " + email + " (Khady Faye)");
        assertClaims(FakeMoodle.query(signedIn.uri()).get("token"), email);

        HttpResponse<String> again = get(browser, MOODLE.url() + "/auth/jwtsso/start.php");
        assertThat(again.body()).isEqualTo("Welcome " + email + " (Khady Faye)");
    }

    private void assertClaims(String token, String email) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("RS256");
        assertThat(new Http(PORT).get("/api/v1/auth/jwks.json").body()).contains(jws.getKeyIdHeaderValue());
        JwtClaims claims = JwtClaims.parse(jws.getUnverifiedPayload());
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly(MOODLE.url());
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(120);
        assertThat(claims.getStringClaimValue("email")).isEqualTo(email.toLowerCase());
        assertThat(claims.getStringClaimValue("nonce")).isNotBlank();
        assertThat(claims.getJwtId()).isNotBlank();
    }

    @Test
    void whenTheAccountUsesTwoFactorThenTheMailedCodeCompletesTheSignIn() throws Exception {
        String email = "flow-2fa-" + System.nanoTime() + "@example.test";
        createUser(email, true, "active");
        HttpClient browser = browser();
        Map<String, String> form = hiddenFields(get(browser, MOODLE.url() + "/auth/jwtsso/start.php").body());
        form.put("email", email);
        form.put("password", PASSWORD);

        HttpResponse<String> codePage = post(browser, ISSUER, form);
        assertThat(codePage.body()).contains("Code de vérification");
        Map<String, String> codeForm = hiddenFields(codePage.body());
        codeForm.put("code", TestMail.lastCode(email));

        HttpResponse<String> done = post(browser, ISSUER, codeForm);
        assertThat(done.body()).isEqualTo("Welcome " + email + " (Khady Faye)");
    }

    @Test
    void whenRedirectIsForeignOrAudienceWrongOrNonceMissingThenNothingIsSentAnywhere() throws Exception {
        HttpClient browser = browser();
        String callback = MOODLE.url() + "/auth/jwtsso/callback.php";
        String[] bad = {
            ISSUER + "?nonce=abcdefgh12&aud=" + enc(MOODLE.url()) + "&redirect=" + enc("https://evil.example/steal"),
            ISSUER + "?nonce=abcdefgh12&aud=" + enc(MOODLE.url()) + "&redirect=" + enc(callback + "?x=1"),
            ISSUER + "?nonce=abcdefgh12&aud=" + enc("https://other.example") + "&redirect=" + enc(callback),
            ISSUER + "?aud=" + enc(MOODLE.url()) + "&redirect=" + enc(callback),
            ISSUER + "?nonce=%3Cscript%3E&aud=" + enc(MOODLE.url()) + "&redirect=" + enc(callback)};
        for (String url : bad) {
            HttpResponse<String> r = get(browser, url);
            assertThat(r.statusCode()).as(url).isEqualTo(400);
            assertThat(r.uri().toString()).startsWith(ISSUER);
            assertThat(r.body()).contains("Connexion refusée").doesNotContain("<script>");
        }
    }

    @Test
    void whenPasswordIsWrongThenTheFormComesBackWithAnErrorAndNoToken() throws Exception {
        String email = "flow-bad-" + System.nanoTime() + "@example.test";
        createUser(email, false, "active");
        HttpClient browser = browser();
        Map<String, String> form = hiddenFields(get(browser, MOODLE.url() + "/auth/jwtsso/start.php").body());
        form.put("email", email);
        form.put("password", "not-the-password");

        HttpResponse<String> r = post(browser, ISSUER, form);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("Adresse e-mail ou mot de passe incorrect.").contains("value=\"" + email + "\"");
        assertThat(r.uri().toString()).isEqualTo(ISSUER);
        assertThat(MOODLE.signedIn).doesNotContain(email);
    }

    @Test
    void whenAccountIsBlockedThenThePageSaysWhy() throws Exception {
        String email = "flow-blocked-" + System.nanoTime() + "@example.test";
        createUser(email, false, "blocked");
        HttpClient browser = browser();
        Map<String, String> form = hiddenFields(get(browser, MOODLE.url() + "/auth/jwtsso/start.php").body());
        form.put("email", email);
        form.put("password", PASSWORD);

        HttpResponse<String> r = post(browser, ISSUER, form);

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("Votre compte est bloqué");
        assertThat(MOODLE.signedIn).doesNotContain(email);
    }

    @Test
    void whenAnAccountHoldsMoodlesAdministratorAddressThenNoTokenIsEverIssuedForIt() throws Exception {
        createUser("Moodle-Admin@lafaom.test", false, "active");
        HttpClient browser = browser();
        Map<String, String> form = hiddenFields(get(browser, MOODLE.url() + "/auth/jwtsso/start.php").body());
        form.put("email", MOODLE_ADMIN);
        form.put("password", PASSWORD);

        HttpResponse<String> r = post(browser, ISSUER, form);

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("réservée à un compte de Moodle").doesNotContain("token=");
        Http http = new Http(PORT);
        String token = http.post("/api/v1/auth/token", Map.of("email", MOODLE_ADMIN, "password", PASSWORD)).text("/access_token/token");
        Http.Response url = http.get("/api/v1/auth/moodle/sso-url", Http.Options.bearer(token));
        assertThat(url.status()).isEqualTo(403);
        assertThat(url.text("/error_code")).isEqualTo("access_denied");
        assertThat(MOODLE.signedIn).doesNotContain(MOODLE_ADMIN);
    }

    @Test
    void whenTheCsrfTokenIsMissingOrForeignThenTheFormIsRefused() throws Exception {
        String email = "flow-csrf-" + System.nanoTime() + "@example.test";
        createUser(email, false, "active");
        HttpClient victim = browser();
        Map<String, String> form = hiddenFields(get(victim, MOODLE.url() + "/auth/jwtsso/start.php").body());
        form.put("email", email);
        form.put("password", PASSWORD);

        Map<String, String> forged = new LinkedHashMap<>(form);
        forged.put("csrf", "forged-value");
        assertThat(post(victim, ISSUER, forged).statusCode()).isEqualTo(403);
        HttpResponse<String> noCookie = post(browser(), ISSUER, form);
        assertThat(noCookie.statusCode()).isEqualTo(403);
        assertThat(noCookie.body()).contains("Le formulaire a expiré");
        assertThat(MOODLE.signedIn).doesNotContain(email);
    }

    @Test
    void whenTheWebAppAsksForASsoUrlThenItSignsInWithoutAForm() throws Exception {
        String email = "flow-b-" + System.nanoTime() + "@example.test";
        createUser(email, false, "active");
        Http http = new Http(PORT);
        String token = http.post("/api/v1/auth/token", Map.of("email", email, "password", PASSWORD)).text("/access_token/token");

        Http.Response url = http.get("/api/v1/auth/moodle/sso-url", Http.Options.bearer(token));
        assertThat(url.status()).isEqualTo(200);
        assertThat(url.text("/data/url")).startsWith(MOODLE.url() + "/auth/jwtsso/callback.php?token=");
        assertThat(get(browser(), url.text("/data/url")).body()).isEqualTo("Welcome " + email + " (Khady Faye)");

        HttpResponse<String> redirected = browser().send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/auth/moodle/login"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(redirected.body()).isEqualTo("Welcome " + email + " (Khady Faye)");

        assertThat(http.get("/api/v1/auth/moodle/sso-url").status()).isEqualTo(401);
    }

    @Test
    void whenNobodyIsSignedInThenLoginStartsMoodlesFlowAndShowsTheForm() throws Exception {
        HttpResponse<String> r = get(browser(), BASE + "/api/v1/auth/moodle/login");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<form method=\"post\"");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
