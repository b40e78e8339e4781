package org.lafaom.platform.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Eventually;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.OwnSmtp;
import org.lafaom.platform.support.Ports;
import org.lafaom.platform.support.TestDatabase;
import org.lafaom.platform.support.TestMail;
import org.lafaom.platform.support.TrainingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Staff approve applications while the SMTP server is down: the approvals commit, their e-mails
 * wait in the durable queue and retry, and once SMTP is back every student gets exactly one
 * approval e-mail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "lafaom.tasks.polling-interval=200ms", "lafaom.tasks.first-retry=200ms", "lafaom.tasks.backoff-rate=1.0",
    "lafaom.tasks.max-retries=10000"})
class ApprovalMailRecoveryIntegrationTests {

    private static final TestDatabase.Database DATABASE = TestDatabase.create("approvalmail");
    private static final int SMTP_PORT = Ports.free();
    private static final String ADMIN = "approvals-admin@lafaom.test";
    private static final String PASSWORD = "Approvals-Admin-1";
    private static final int STUDENTS = 5;
    private static GreenMail smtp;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        OwnSmtp.register(registry, DATABASE, SMTP_PORT, ADMIN, PASSWORD);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void whenSmtpIsDownDuringApprovalsThenEachApprovalMailArrivesExactlyOnceAfterRecovery() {
        Http http = new Http(port);
        String adminToken = http.post("/api/v1/auth/token", Map.of("email", ADMIN, "password", PASSWORD)).text("/access_token/token");
        TrainingFixtures fx = new TrainingFixtures(http, adminToken);
        String session = fx.session(fx.training(), Map.of("available_slots", STUDENTS));
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < STUDENTS; i++) {
            String email = "approved-" + i + "-" + System.nanoTime() + "@example.test";
            http.post("/api/v1/users", Map.of("first_name", "S" + i, "last_name", "Diallo", "password", "Student-Pass-1", "email", email,
                    "status", "active", "user_type", "student", "two_factor_enabled", false, "lang", "fr"), fx.admin());
            String token = http.post("/api/v1/auth/token", Map.of("email", email, "password", "Student-Pass-1")).text("/access_token/token");
            int id = fx.apply(email, session).at("/data/id").asInt();
            assertThat(http.post("/api/v1/my-student-applications/" + id + "/submit", Map.of(), Http.Options.bearer(token)).status())
                    .isEqualTo(200);
            Http.Response approved = http.post("/api/v1/student-applications/" + id + "/status", Map.of("status", "APPROVED", "reason", ""),
                    fx.admin());
            assertThat(approved.status()).as("approval does not wait for SMTP").isEqualTo(200);
            emails.add(email);
        }
        Eventually.await("every approval e-mail failed at least once", () -> jdbc.sql("""
                SELECT count(*) FROM scheduled_tasks WHERE task_name = 'send-mail' AND task_instance LIKE 'student-application-%-APPROVED-%'
                AND consecutive_failures > 0""").query(Long.class).single() == STUDENTS);

        smtp = OwnSmtp.start(SMTP_PORT);

        Eventually.await("the queue drained", () -> jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'send-mail'")
                .query(Long.class).single() == 0);
        for (String email : emails) {
            List<MimeMessage> approvals = Arrays.stream(smtp.getReceivedMessages()).filter(m -> OwnSmtp.recipient(m).equalsIgnoreCase(email))
                    .filter(m -> TestMail.subject(m).contains("acceptée")).toList();
            assertThat(approvals).as(email).hasSize(1);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM task_failures").query(Long.class).single()).isZero();
    }
}
