package org.lafaom.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Eventually;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.OwnSmtp;
import org.lafaom.platform.support.Ports;
import org.lafaom.platform.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SMTP server is down while e-mails are queued: they wait and retry, and once it is back every
 * e-mail arrives exactly once. One whose retries run out is kept for staff, who can send it again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "lafaom.tasks.polling-interval=200ms", "lafaom.tasks.first-retry=200ms", "lafaom.tasks.max-retries=2",
    "lafaom.tasks.metrics-interval=200ms"})
class MailDeliveryRecoveryIntegrationTests {

    private static final TestDatabase.Database DATABASE = TestDatabase.create("mailrecovery");
    private static final int SMTP_PORT = Ports.free();
    private static final String ADMIN = "tasks-admin@lafaom.test";
    private static final String PASSWORD = "Tasks-Admin-1";
    private static GreenMail smtp;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        OwnSmtp.register(registry, DATABASE, SMTP_PORT, ADMIN, PASSWORD);
    }

    @LocalServerPort
    int port;

    @Autowired
    MailQueue queue;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void whenSmtpIsDownThenMailsWaitAndArriveExactlyOnceAfterRecoveryAndExhaustedOnesCanBeRetried() {
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < 5; i++) {
                queue.enqueue("outage-" + i, "student" + i + "@example.test", MailTemplate.PASSWORD_CHANGED, "fr", Map.of("first_name", "N" + i));
            }
        });
        Eventually.await("every mail failed at least once", () -> jdbc.sql(
                "SELECT count(*) FROM scheduled_tasks WHERE task_instance LIKE 'outage-%' AND consecutive_failures > 0").query(Long.class).single() == 5);
        Eventually.await("retries exhausted and recorded", () -> jdbc.sql(
                "SELECT count(*) FROM task_failures WHERE task_instance LIKE 'outage-%'").query(Long.class).single() == 5);
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_instance LIKE 'outage-%'").query(Long.class).single()).isZero();

        Http http = new Http(port);
        String token = http.post("/api/v1/auth/token", Map.of("email", ADMIN, "password", PASSWORD)).text("/access_token/token");
        Http.Response overview = http.get("/api/v1/system/background-tasks", Http.Options.bearer(token));
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.at("/data/failures").size()).isEqualTo(5);
        assertThat(overview.text("/data/failures/0/last_error")).isNotBlank();
        java.util.regex.Pattern gauge = java.util.regex.Pattern.compile("(?m)^lafaom_jobs_failed\\{[^}]*kind=\"send-mail\"[^}]*} 5\\.0$");
        Eventually.await("failed gauge exported", () -> gauge.matcher(http.get("/actuator/prometheus").body()).find());

        smtp = OwnSmtp.start(SMTP_PORT);
        for (int i = 0; i < 5; i++) {
            overview.at("/data/failures").forEach(f -> http.post("/api/v1/system/background-tasks/failures/" + f.get("id").asLong() + "/retry",
                    Map.of(), Http.Options.bearer(token)));
        }

        Eventually.await("all five delivered", () -> smtp.getReceivedMessages().length >= 5);
        Eventually.await("queue drained", () -> jdbc.sql(
                "SELECT count(*) FROM scheduled_tasks WHERE task_instance LIKE 'outage-%'").query(Long.class).single() == 0);
        assertThat(smtp.getReceivedMessages()).hasSize(5);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(OwnSmtp::recipient).distinct()).hasSize(5);
        Http.Response again = http.post("/api/v1/system/background-tasks/failures/" + overview.at("/data/failures/0/id").asLong() + "/retry",
                Map.of(), Http.Options.bearer(token));
        assertThat(again.status()).isEqualTo(404);
    }

    @Test
    void whenSmtpComesBackBeforeRetriesRunOutThenTheMailArrivesOnce() {
        GreenMail late = null;
        try {
            if (smtp != null) {
                smtp.stop();
                smtp = null;
            }
            tx.executeWithoutResult(s -> queue.enqueue("late-1", "late@example.test", MailTemplate.PASSWORD_CHANGED, "en", Map.of("first_name", "L")));
            Eventually.await("first attempt failed", () -> jdbc.sql(
                    "SELECT coalesce(max(consecutive_failures), 0) FROM scheduled_tasks WHERE task_instance = 'late-1'").query(Integer.class).single() >= 1);
            late = OwnSmtp.start(SMTP_PORT);
            GreenMail server = late;
            Eventually.await("delivered after recovery", () -> server.getReceivedMessages().length == 1);
            Eventually.await("task completed", () -> jdbc.sql(
                    "SELECT count(*) FROM scheduled_tasks WHERE task_instance = 'late-1'").query(Long.class).single() == 0);
            assertThat(server.getReceivedMessages()).hasSize(1);
        } finally {
            if (late != null) {
                late.stop();
            }
        }
    }

}
