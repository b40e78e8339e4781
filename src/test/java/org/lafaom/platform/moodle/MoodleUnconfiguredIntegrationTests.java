package org.lafaom.platform.moodle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.IntegrationTest;
import org.lafaom.platform.support.TrainingFixtures;

/** An install without Moodle: nothing is sent or failed, and pushes wait as pending for the day it is set up. */
class MoodleUnconfiguredIntegrationTests extends IntegrationTest {

    @Test
    void whenMoodleIsNotConfiguredThenPushesArePendingWithoutTasksAndReconcileSaysWhy() {
        TrainingFixtures fx = new TrainingFixtures(http, adminToken());
        String session = fx.openSession();

        assertThat(jdbc.sql("SELECT status FROM moodle_sync WHERE kind = 'course' AND entity_id = :s").param("s", session)
                .query(String.class).single()).isEqualTo("pending");
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name LIKE 'moodle-%' AND task_name <> 'moodle-reconcile'")
                .query(Long.class).single()).isZero();

        String email = uniqueEmail("moodle-admin");
        grant(createUser(email, "Moodle-Admin-1", "staff"), "can_manage_moodle");
        Http.Options staff = Http.Options.bearer(login(email, "Moodle-Admin-1"));
        Http.Response summary = http.get("/api/v1/moodle/sync-status/summary", staff);
        assertThat(summary.at("/data/configured").asBoolean()).isFalse();
        Http.Response reconcile = http.post("/api/v1/moodle/reconcile", Map.of(), staff);
        assertThat(reconcile.status()).isEqualTo(409);
        assertThat(reconcile.text("/error_code")).isEqualTo("moodle_not_configured");
    }
}
