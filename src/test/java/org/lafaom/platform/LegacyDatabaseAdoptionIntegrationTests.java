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
            s.execute("""
                    INSERT INTO training_sessions (id, created_at, updated_at, training_id, start_date, end_date, registration_deadline,
                        available_slots, status, registration_fee, training_fee, currency, required_attachments, installment_percentage)
                    VALUES ('ts-1', now(), now(), 'tr-1', '2027-01-05', '2027-06-30', '2026-12-20', 12, 'OPEN_FOR_REGISTRATION',
                        15000.00, 300000.00, 'XOF', '["CV"]', '[50, 50]')""");
            // Two live applications of one person to one session: the old backend allowed it; adoption keeps both.
            s.execute("""
                    INSERT INTO student_applications (created_at, updated_at, user_id, training_id, target_session_id, application_number,
                        status, registration_fee, training_fee, currency)
                    VALUES (now(), now(), '5b0f3c5e-0000-4000-8000-000000000002', 'tr-1', 'ts-1', 'APP-TRAIN-0001-20250101120000',
                        'RECEIVED', 15000.00, 300000.00, 'XOF'),
                           (now(), now(), '5b0f3c5e-0000-4000-8000-000000000002', 'tr-1', 'ts-1', 'APP-TRAIN-0002-20250101120500',
                        'SUBMITTED', 15000.00, 300000.00, 'XOF')""");
            s.execute("INSERT INTO reclamation_types (created_at, updated_at, name) VALUES (now(), now(), 'Paiement')");
            s.execute("""
                    INSERT INTO reclamations (created_at, updated_at, reclamation_number, application_number, subject, reclamation_type,
                        priority, status, description)
                    VALUES (now(), now(), 'REC-0001-20250102090000', 'APP-TRAIN-0001-20250101120000', 'Reçu', 1, 'LOW', 'NEW', 'd')""");
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
    void whenAdoptedThenLegacySessionsApplicationsAndReclamationsAreServedAsBefore() {
        Http.Response session = http.get("/api/v1/training-sessions/ts-1");
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.at("/data/registration_fee").decimalValue()).isEqualByComparingTo("15000");
        assertThat(session.at("/data/required_attachments/0").asString()).isEqualTo("CV");
        assertThat(session.at("/data/installment_percentage/1").asInt()).isEqualTo(50);
        String token = http.post("/api/v1/auth/token", Map.of("email", "aminata.ndiaye@example.sn", "password", PASSWORD))
                .text("/access_token/token");
        try (Connection c = TestDatabase.connect(database); Statement s = c.createStatement()) {
            s.execute("INSERT INTO user_permission (created_at, updated_at, role_id, permission) VALUES "
                    + "(now(), now(), 2, 'can_view_student_application'), (now(), now(), 2, 'can_view_reclamation')");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Http.Response applications = http.get("/api/v1/student-applications?training_session_id=ts-1", Http.Options.bearer(token));
        assertThat(applications.status()).as(applications.body()).isEqualTo(200);
        assertThat(applications.at("/total_number").asLong()).isEqualTo(2);
        Http.Response reclamations = http.get("/api/v1/reclamations", Http.Options.bearer(token));
        assertThat(reclamations.text("/data/0/reclamation_number")).isEqualTo("REC-0001-20250102090000");
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
                "job_offers", "job_applications", "alembic_version", "training_sessions", "student_applications", "reclamations")) {
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
