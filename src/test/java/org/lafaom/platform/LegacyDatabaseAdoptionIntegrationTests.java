package org.lafaom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.LegacyApplication;
import org.lafaom.platform.support.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * An existing database of the old FastAPI backend (its exact schema, an alembic_version row, and
 * data including a passlib $2b$ hash) is adopted: no row is lost, the old password signs in, and
 * only the new service's migrations are applied on top.
 */
class LegacyDatabaseAdoptionIntegrationTests {

    private static final String PASSWORD = "Legacy-Pass-2024";
    private static final String REFRESH = "legacy-refresh-token-value";
    private static TestDatabase.Database database;
    private static ConfigurableApplicationContext app;
    private static List<String> rowsBefore;
    private static Http http;

    @BeforeAll
    static void startOnALegacyDatabase() throws Exception {
        database = TestDatabase.create("legacy");
        String hash = new BCryptPasswordEncoder(BCryptPasswordEncoder.BCryptVersion.$2B, 12).encode(PASSWORD);
        String refreshHash = new BCryptPasswordEncoder(BCryptPasswordEncoder.BCryptVersion.$2B, 12).encode(REFRESH);
        try (Connection c = TestDatabase.connect(database); Statement s = c.createStatement()) {
            s.execute(new ClassPathResource("db/migration/V1__baseline_legacy_schema.sql").getContentAsString(StandardCharsets.UTF_8));
            s.execute("INSERT INTO alembic_version VALUES ('2454ebe4a24e')");
            s.execute("""
                    INSERT INTO users (id, created_at, updated_at, first_name, last_name, email, password, status, lang, user_type, two_factor_enabled, country_code)
                    VALUES ('5b0f3c5e-0000-4000-8000-000000000001', now(), now(), 'Aminata', 'Ndiaye', 'Aminata.Ndiaye@Example.sn', '%s', 'active', 'fr', 'staff', false, 'SN'),
                           ('5b0f3c5e-0000-4000-8000-000000000002', now(), now(), 'Old', 'Student', 'old.student@example.sn', '%s', 'blocked', 'en', 'student', false, 'SN')
                    """.formatted(hash, hash));
            s.execute("INSERT INTO role (id, created_at, updated_at, name, description) VALUES (1, now(), now(), 'super_admin', 'Super admin'), (2, now(), now(), 'manager', 'Manager')");
            s.execute("SELECT setval('role_id_seq', 2)");
            s.execute("INSERT INTO user_role VALUES ('5b0f3c5e-0000-4000-8000-000000000001', 2)");
            s.execute("INSERT INTO user_permission (created_at, updated_at, role_id, permission) VALUES (now(), now(), 2, 'can_view_user')");
            s.execute("INSERT INTO addresses (created_at, updated_at, user_id, address_type, city) VALUES (now(), now(), '5b0f3c5e-0000-4000-8000-000000000001', 'primary', 'Dakar')");
            s.execute("INSERT INTO refresh_token (id, created_at, updated_at, token, user_id, expires_at) VALUES ('legacy-device', now(), now(), '" + refreshHash + "', '5b0f3c5e-0000-4000-8000-000000000001', now() + interval '7 days')");
            s.execute("INSERT INTO specialty (created_at, updated_at, name, description) VALUES (now(), now(), 'Santé', 'Formations santé')");
            s.execute("""
                    INSERT INTO trainings (id, created_at, updated_at, title, status, duration, duration_unit, specialty_id, training_type, presentation,
                        target_skills, program, target_audience, enrollment, benefits)
                    VALUES ('tr-1', now(), now(), 'Aide-soignant', 'ACTIVE', 6, 'MONTHS', 1, 'On-Site', 'p', 's', 'p', 'a', 'e', '[{"image":"i","content":"c","url":"u"}]')""");
            s.execute("""
                    INSERT INTO job_offers (id, created_at, updated_at, reference, title, location, postal_code, contract_type, uncertain_term,
                        driving_license_required, submission_deadline, submission_fee, currency)
                    VALUES ('job-1', now(), now(), 'REF-1', 'Formateur', 'Dakar', '10000', 'CDD', false, false, '2027-01-31', 5000.00, 'XOF')""");
            s.execute("""
                    INSERT INTO job_applications (created_at, updated_at, job_offer_id, application_number, status, email, phone_number, first_name, last_name, submission_fee)
                    VALUES (now(), now(), 'job-1', 'JOB-0001', 'RECEIVED', 'c@example.sn', '+221', 'C', 'D', 5000.00)""");
            rowsBefore = snapshot(c);
        }
        LegacyApplication.Running running = LegacyApplication.start(database, Map.of());
        app = running.context();
        http = running.http();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void whenAdoptedThenEveryLegacyRowIsStillThere() throws Exception {
        try (Connection c = TestDatabase.connect(database)) {
            assertThat(snapshot(c)).containsAll(rowsBefore);
        }
    }

    @Test
    void whenAdoptedThenFlywayBaselinedAtVersion1AndAppliedOnlyItsOwnMigrations() throws Exception {
        try (Connection c = TestDatabase.connect(database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, type FROM flyway_schema_history ORDER BY installed_rank")) {
            List<String> history = new ArrayList<>();
            while (rs.next()) {
                history.add(rs.getString(1) + ":" + rs.getString(2));
            }
            assertThat(history.getFirst()).isEqualTo("1:BASELINE");
            assertThat(history).contains("2:SQL").doesNotContain("1:SQL");
        }
    }

    @Test
    void whenALegacyUserSignsInWithTheOldPasswordThenItWorksAndTheHashIsUpgraded() throws Exception {
        Http.Response r = http.post("/api/v1/auth/token", Map.of("email", "aminata.ndiaye@example.sn", "password", PASSWORD));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("/user/id")).isEqualTo("5b0f3c5e-0000-4000-8000-000000000001");
        assertThat(r.at("/user/addresses/0/city").asString()).isEqualTo("Dakar");
        Http.Response users = http.get("/api/v1/users", Http.Options.bearer(r.text("/access_token/token")));
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.at("/total_number").asLong()).isEqualTo(2);
        try (Connection c = TestDatabase.connect(database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT password FROM users WHERE id = '5b0f3c5e-0000-4000-8000-000000000001'")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("$argon2id$");
        }
        Http.Response blocked = http.post("/api/v1/auth/token", Map.of("email", "old.student@example.sn", "password", PASSWORD));
        assertThat(blocked.status()).isEqualTo(403);
    }

    @Test
    void whenALegacyRefreshTokenIsPresentedThenItRotatesIntoANewOne() {
        Http.Response r = http.post("/api/v1/auth/refresh-token", Map.of("refresh_token", REFRESH, "device_id", "legacy-device"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("/access_token/device_id")).isNotEqualTo("legacy-device");
    }

    /** Every row of every legacy table, as text, so a lost or changed row shows up. */
    private static List<String> snapshot(Connection c) throws Exception {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("users", "role", "user_role", "user_permission", "addresses", "specialty", "trainings",
                "job_offers", "job_applications", "alembic_version")) {
            String columns = table.equals("users") ? "id, email, first_name, last_name, status, user_type, created_at"
                    : table.equals("user_role") || table.equals("alembic_version") ? "*" : "id";
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + columns + " FROM " + table)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder(table);
                    for (int i = 1; i <= n; i++) {
                        row.append('|').append(rs.getString(i));
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }
}
