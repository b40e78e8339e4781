package org.lafaom.platform.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.FakeCinetPay;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.TestDatabase;
import org.lafaom.platform.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * No CinetPay credentials and no secret key (a fresh install): the service runs, notifications are
 * refused with a clear error instead of a crash, paying answers payment_initiation_failed and
 * leaves nothing behind, and free applications still work. Its own database, so no other test
 * context's worker runs its tasks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CinetPayUnconfiguredIntegrationTests {

    private static final TestDatabase.Database DATABASE = TestDatabase.create("nocinetpay");
    private static final String ADMIN = "nocinetpay-admin@lafaom.test";
    private static final String PASSWORD = "No-CinetPay-Admin-1";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::url);
        registry.add("spring.datasource.username", DATABASE::username);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMail::port);
        registry.add("lafaom.auth.key-encryption-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("lafaom.bootstrap-admin.email", () -> ADMIN);
        registry.add("lafaom.bootstrap-admin.password", () -> PASSWORD);
        registry.add("lafaom.uploads.dir", () -> System.getProperty("java.io.tmpdir") + "/lafaom-test-uploads");
        registry.add("lafaom.payments.cinetpay.api-url", FakeCinetPay::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void whenNoSecretKeyIsSetThenNotificationsAreRefusedClearlyButThePingAnswers() {
        Map<String, String> form = Map.of("cpm_site_id", "1", "cpm_trans_id", "abc", "cpm_trans_date", "d", "cpm_amount", "5",
                "cpm_currency", "XAF", "signature", "s", "payment_method", "OM");
        String body = "cpm_site_id=1&cpm_trans_id=abc&cpm_trans_date=d&cpm_amount=5&cpm_currency=XAF&signature=s&payment_method=OM";

        Http.Response r = http.postRaw("/api/v1/payments/cinetpay/notify", "application/x-www-form-urlencoded", body.getBytes(),
                new Http.Options().header("x-token", FakeCinetPay.sign("some-key", form)));

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.text("/error_code")).isEqualTo("service_unavailable");
        assertThat(r.text("/message")).isEqualTo("Payment notifications are not configured");
        assertThat(http.get("/api/v1/payments/cinetpay/notify").status()).isEqualTo(200);
    }

    @Test
    void whenNoCredentialsAreSetThenPayingFailsClearlyAndLeavesNothingWhileFreeApplicationsWork() {
        String token = adminToken();
        String paid = offer(token, "20");
        String free = offer(token, "0");
        String email = "nocinetpay-" + System.nanoTime() + "@example.test";

        Http.Response refused = apply(paid, email);
        Http.Response accepted = apply(free, email);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("/error_code")).isEqualTo("payment_initiation_failed");
        assertThat(refused.text("/message")).isEqualTo("Payment initiation failed (online payment is not configured)");
        assertThat(jdbc.sql("SELECT count(*) FROM job_applications WHERE job_offer_id = :o").param("o", paid)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM payments").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM cinetpay_payments").query(Long.class).single()).isZero();
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.at("/data/payment").isNull()).isTrue();
        assertThat(accepted.at("/data/job_application/is_paid").asBoolean()).isTrue();
    }

    private String adminToken() {
        Http.Response r = http.post("/api/v1/auth/token", Map.of("email", ADMIN, "password", PASSWORD));
        return r.text("/access_token/token");
    }

    private String offer(String token, String fee) {
        Http.Response r = http.post("/api/v1/job-offers", Map.of("reference", "NC-" + System.nanoTime(), "title", "Comptable",
                "location", "Dakar", "postal_code", "10200", "contract_type", "CDI", "submission_deadline",
                LocalDate.now().plusDays(5).toString(), "submission_fee", fee, "currency", "EUR"), Http.Options.bearer(token));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.text("/data/id");
    }

    private Http.Response apply(String offerId, String email) {
        return http.post("/api/v1/job-applications", Map.of("job_offer_id", offerId, "email", email, "phone_number", "+221770000000",
                "first_name", "Moussa", "last_name", "Ba", "attachments", List.of()));
    }
}
