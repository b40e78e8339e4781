package org.lafaom.platform.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.IntegrationTest;
import org.lafaom.platform.support.TrainingFixtures;

/** Many staff approving at once on a small session: never more participants than slots. */
class ApprovalConcurrencyIntegrationTests extends IntegrationTest {

    private static final int SLOTS = 3;
    private static final int APPLICANTS = 16;

    @Test
    void whenManyApprovalsRaceOnASmallSessionThenExactlyTheSlotsAreTakenAndNobodyIsOverbooked() throws Exception {
        TrainingFixtures fx = new TrainingFixtures(http, adminToken());
        String session = fx.session(fx.training(), Map.of("available_slots", SLOTS));
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < APPLICANTS; i++) {
            String email = uniqueEmail("race");
            createUser(email, "Race-Pass-1", "student");
            int id = fx.apply(email, session).at("/data/id").asInt();
            Http.Response submitted = http.post("/api/v1/my-student-applications/" + id + "/submit", Map.of(),
                    Http.Options.bearer(login(email, "Race-Pass-1")));
            assertThat(submitted.status()).isEqualTo(200);
            ids.add(id);
        }

        ExecutorService pool = Executors.newFixedThreadPool(APPLICANTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Response>> answers = new ArrayList<>();
        for (int id : ids) {
            answers.add(pool.submit(() -> {
                start.await();
                return new Http(port).post("/api/v1/student-applications/" + id + "/status", Map.of("status", "APPROVED", "reason", ""),
                        fx.admin());
            }));
        }
        start.countDown();
        List<Http.Response> responses = new ArrayList<>();
        for (Future<Http.Response> answer : answers) {
            responses.add(answer.get());
        }
        pool.shutdown();

        assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize(SLOTS);
        assertThat(responses.stream().filter(r -> r.status() != 200))
                .hasSize(APPLICANTS - SLOTS)
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(400);
                    assertThat(r.text("/error_code")).isEqualTo("no_available_slots");
                });
        assertThat(jdbc.sql("SELECT available_slots FROM training_sessions WHERE id = :s").param("s", session).query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM training_session_participants WHERE session_id = :s AND delete_at IS NULL")
                .param("s", session).query(Long.class).single()).isEqualTo(SLOTS);
        assertThat(jdbc.sql("SELECT count(*) FROM student_applications WHERE target_session_id = :s AND status = 'APPROVED'")
                .param("s", session).query(Long.class).single()).isEqualTo(SLOTS);
        assertThat(jdbc.sql("SELECT count(*) FROM student_applications WHERE target_session_id = :s AND status = 'SUBMITTED'")
                .param("s", session).query(Long.class).single()).as("refused approvals changed nothing").isEqualTo(APPLICANTS - SLOTS);
    }
}
