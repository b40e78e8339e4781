package org.lafaom.platform.moodle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Eventually;
import org.lafaom.platform.support.FakeMoodle;
import org.lafaom.platform.support.IntegrationTest;
import org.lafaom.platform.support.TrainingFixtures;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The stack's order of events: the backend starts before Moodle's init step has written the
 * web-service token to its file. Pushes wait and retry, and go through once the file appears.
 */
class MoodleTokenFileIntegrationTests extends IntegrationTest {

    private static final FakeMoodle MOODLE = new FakeMoodle(0);
    private static final Path TOKEN_FILE;

    static {
        try {
            TOKEN_FILE = Files.createTempDirectory("moodle-token").resolve("ws_token");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void moodle(DynamicPropertyRegistry registry) {
        registry.add("lafaom.moodle.url", MOODLE::url);
        registry.add("lafaom.moodle.ws-token-file", TOKEN_FILE::toString);
        registry.add("lafaom.tasks.backoff-rate", () -> "1.0");
        registry.add("lafaom.tasks.max-retries", () -> "1000");
    }

    @Test
    void whenTheTokenFileIsWrittenAfterStartThenWaitingPushesGoThrough() throws IOException {
        TrainingFixtures fx = new TrainingFixtures(http, adminToken());
        String session = fx.openSession();
        Eventually.await("push waits for the token", () -> jdbc.sql(
                "SELECT count(*) FROM moodle_sync WHERE kind = 'course' AND entity_id = :s AND status = 'error' AND last_error LIKE '%not written yet%'")
                .param("s", session).query(Long.class).single() == 1);
        assertThat(MOODLE.ws.calls).isEmpty();

        Files.writeString(TOKEN_FILE, MOODLE.ws.token() + "\n");

        Eventually.await("course created", () -> MOODLE.ws.courseByIdnumber(session) != null);
        Eventually.await("course synced", () -> jdbc.sql("SELECT status FROM moodle_sync WHERE kind = 'course' AND entity_id = :s")
                .param("s", session).query(String.class).single().equals("synced"));
        assertThat(jdbc.sql("SELECT count(*) FROM task_failures").query(Long.class).single()).isZero();
        assertThat(http.get("/api/v1/training-sessions/" + session).at("/data/moodle_course_id").asInt())
                .isEqualTo(MOODLE.ws.courseByIdnumber(session).id());
    }
}
