package org.lafaom.platform.cabinet;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Eventually;
import org.lafaom.platform.support.FakeCinetPay;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.LegacyApplication;
import org.lafaom.platform.support.TestDatabase;
import org.lafaom.platform.support.TestMail;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The old backend's cabinet rows (native enums in upper case, a mixed-case e-mail, a paid
 * application without an account, an active campaign and its fee) are served and handled as before,
 * and the staff who saw cabinets in the admin app keep that right.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CabinetLegacyAdoptionIntegrationTests {

    private static final String PASSWORD = "Legacy-Pass-2024";
    private static final String STAFF = "legacy.staff@example.sn";
    private static final String UNPAID = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String PAID = "aaaaaaaa-0000-4000-8000-000000000002";
    private static final String PAID_EMAIL = "paid.firm@example.sn";
    private static TestDatabase.Database database;
    private static ConfigurableApplicationContext app;
    private static Http http;

    @BeforeAll
    static void startOnALegacyDatabase() throws Exception {
        database = TestDatabase.create("cabinetlegacy");
        String hash = new BCryptPasswordEncoder(BCryptPasswordEncoder.BCryptVersion.$2B, 12).encode(PASSWORD);
        try (Connection c = TestDatabase.connect(database); Statement s = c.createStatement()) {
            s.execute(new ClassPathResource("db/migration/V1__baseline_legacy_schema.sql").getContentAsString(StandardCharsets.UTF_8));
            s.execute("""
                    INSERT INTO users (id, created_at, updated_at, first_name, last_name, email, password, status, lang, user_type, two_factor_enabled)
                    VALUES ('u-staff', now(), now(), 'Moussa', 'Fall', '%s', '%s', 'active', 'fr', 'staff', false)""".formatted(STAFF, hash));
            s.execute("INSERT INTO role (id, created_at, updated_at, name, description) VALUES (2, now(), now(), 'manager', 'Manager')");
            s.execute("SELECT setval('role_id_seq', 2)");
            s.execute("INSERT INTO user_role VALUES ('u-staff', 2)");
            s.execute("""
                    INSERT INTO user_permission (created_at, updated_at, role_id, permission) VALUES
                        (now(), now(), 2, 'can_view_job_application'), (now(), now(), 2, 'can_change_job_application_status')""");
            s.execute("""
                    INSERT INTO application_fees (id, created_at, updated_at, amount, currency, description, is_active)
                    VALUES ('fee-1', now(), now(), 30.0, 'EUR', 'Frais de la campagne 2026', true)""");
            s.execute("""
                    INSERT INTO cabinet_recruitment_campaigns (id, created_at, updated_at, title, description, start_date, end_date,
                        application_fee_id, is_active)
                    VALUES ('camp-1', now(), now(), 'Campagne 2026', 'Recrutement de cabinets pour 2026', now() - interval '1 day',
                        now() + interval '30 days', 'fee-1', true)""");
            s.execute("""
                    INSERT INTO cabinet_applications (id, created_at, updated_at, company_name, contact_email, contact_phone, address,
                        registration_number, experience_years, qualifications, status, payment_status, payment_amount, payment_currency,
                        account_created, credentials_sent)
                    VALUES ('%s', now() - interval '2 days', now(), 'Ancien Cabinet', 'Legacy.Firm@Example.SN', '+221770000001',
                        '1 rue de Thiès, Dakar', 'SN-OLD-001', 12, 'Agréé', 'PENDING', 'PENDING', 50.0, 'EUR', false, false),
                           ('%s', now() - interval '1 day', now(), 'Cabinet Payé', '%s', '+221770000002', '2 rue de Thiès, Dakar',
                        'SN-OLD-002', 4, NULL, 'PAID', 'PAID', 50.0, 'EUR', false, false)""".formatted(UNPAID, PAID, PAID_EMAIL));
            s.execute("UPDATE cabinet_applications SET payment_date = '2025-06-01 10:00:00' WHERE id = '" + PAID + "'");
        }
        LegacyApplication.Running running = LegacyApplication.start(database, Map.of(
                "lafaom.payments.cinetpay.api-url", FakeCinetPay.url(),
                "lafaom.payments.cinetpay.api-key", FakeCinetPay.API_KEY,
                "lafaom.payments.cinetpay.site-id", FakeCinetPay.SITE_ID,
                "lafaom.payments.cinetpay.secret-key", FakeCinetPay.SECRET_KEY,
                "lafaom.tasks.polling-interval", "200ms"));
        app = running.context();
        http = running.http();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static String staff() {
        return http.post("/api/v1/auth/token", Map.of("email", STAFF, "password", PASSWORD)).text("/access_token/token");
    }

    @Test
    @Order(1)
    void whenAdoptedThenStaffWhoSawCabinetsKeepSeeingThemAndLegacyRowsReadAsBefore() {
        String token = staff();
        Http.Response list = http.get(CabinetTest.BASE, Http.Options.bearer(token));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        java.util.List<String> ids = list.json().valueStream().map(a -> a.path("id").asString()).toList();
        assertThat(ids).contains(PAID, UNPAID);
        assertThat(ids.indexOf(PAID)).isLessThan(ids.indexOf(UNPAID));
        Http.Response unpaid = http.get(CabinetTest.BASE + "/" + UNPAID, Http.Options.bearer(token));
        assertThat(unpaid.text("/status")).isEqualTo("pending");
        assertThat(unpaid.text("/payment_status")).isEqualTo("pending");
        assertThat(unpaid.text("/contact_email")).isEqualTo("Legacy.Firm@Example.SN");
        assertThat(unpaid.at("/payment_amount").decimalValue()).isEqualByComparingTo("50");
        assertThat(http.get(CabinetTest.BASE + "/" + PAID, Http.Options.bearer(token)).text("/payment_date"))
                .isEqualTo("2025-06-01T10:00:00Z");
        assertThat(http.get(CabinetTest.BASE + "/fees/fee-1", Http.Options.bearer(token)).at("/amount").decimalValue())
                .isEqualByComparingTo("30");
    }

    @Test
    @Order(2)
    void whenALegacyPaidApplicationIsApprovedThenTheFirmGetsItsAccountByLink() {
        Http.Response r = http.patch(CabinetTest.BASE + "/" + PAID + "/approve", null, Http.Options.bearer(staff()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.text("/status")).isEqualTo("approved");
        assertThat(r.at("/account_created").asBoolean()).isTrue();
        Eventually.await("account and decision e-mails", () -> TestMail.to(PAID_EMAIL).size() == 2);
        assertThat(TestMail.to(PAID_EMAIL).stream().map(TestMail::body)).anyMatch(b -> b.contains("/api/v1/auth/set-password?"));
    }

    @Test
    @Order(3)
    void whenTheLegacyFirmAppliesAgainInAnotherCaseThenItIsADuplicateAndItsLinkIsMailedAtTheCampaignPrice() {
        Http.Response r = http.post(CabinetTest.BASE, CabinetTest.application("legacy.firm@example.sn"), Http.Options.from("10.99.0.1"));
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        Eventually.await("payment link e-mail", () -> !TestMail.to("Legacy.Firm@Example.SN").isEmpty());
        Http.Response read = http.get(CabinetTest.BASE + "/" + UNPAID, Http.Options.bearer(staff()));
        assertThat(read.at("/payment_amount").decimalValue()).isEqualByComparingTo("30");
        assertThat(read.text("/campaign_id")).isEqualTo("camp-1");
        assertThat(FakeCinetPay.instance().opened(read.text("/payment_reference")).amount()).isEqualTo(20250);

        Http.Response fresh = http.post(CabinetTest.BASE, CabinetTest.application("new.firm@example.sn"), Http.Options.from("10.99.0.2"));
        assertThat(fresh.status()).as(fresh.body()).isEqualTo(201);
        assertThat(fresh.at("/payment_amount").decimalValue()).isEqualByComparingTo("30");
        assertThat(fresh.text("/campaign_id")).isEqualTo("camp-1");
    }
}
