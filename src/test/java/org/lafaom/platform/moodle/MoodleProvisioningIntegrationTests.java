package org.lafaom.platform.moodle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Eventually;
import org.lafaom.platform.support.FakeMoodle;
import org.lafaom.platform.support.FakeMoodleWebServices;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.IntegrationTest;
import org.lafaom.platform.support.TrainingFixtures;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Provisioning end to end: staff and students use the HTTP API, and a fake Moodle speaking
 * {@code server.php}'s protocol shows what arrived. Outages are real: the fake stops listening,
 * answers 503, answers too slowly, or answers Moodle's HTTP-200 error bodies.
 */
class MoodleProvisioningIntegrationTests extends IntegrationTest {

    private static final FakeMoodle MOODLE = new FakeMoodle(0);
    private static final String PASSWORD = "Student-Pass-1";

    @DynamicPropertySource
    static void moodle(DynamicPropertyRegistry registry) {
        registry.add("lafaom.moodle.url", MOODLE::url);
        registry.add("lafaom.moodle.ws-token", MOODLE.ws::token);
        registry.add("lafaom.moodle.call-timeout", () -> "1s");
        registry.add("lafaom.moodle.reconcile-every", () -> "1d");
        // Retries every 200 ms for long enough that an outage in a test ends before they run out.
        registry.add("lafaom.tasks.backoff-rate", () -> "1.0");
        registry.add("lafaom.tasks.max-retries", () -> "100");
    }

    private record Participant(String userId, String email, int applicationId, String token) {}

    @AfterEach
    void moodleWorksAgain() {
        MOODLE.ws.failWith(0);
        MOODLE.ws.delay(0);
        MOODLE.ws.restoreCapabilities();
    }

    @Test
    void whenASessionIsCreatedThenOneCourseArrivesWithTheSessionIdAsIdnumberAndFollowsRenamesAndDates() {
        TrainingFixtures fx = fixtures();
        String training = fx.training("Secourisme avancé", fx.specialty());
        String session = fx.session(training, Map.of());

        FakeMoodleWebServices.Course course = awaitCourse(session);
        LocalDate start = LocalDate.now().plusMonths(1);
        assertThat(course.fullname()).isEqualTo("Secourisme avancé (" + start + ")");
        assertThat(course.shortname()).isEqualTo("secourisme-avance-" + session);
        assertThat(course.startdate()).isEqualTo(start.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        awaitCourseIdStored(session, course.id());
        assertThat(http.get("/api/v1/training-sessions/" + session).at("/data/moodle_course_id").asInt()).isEqualTo(course.id());

        LocalDate newStart = LocalDate.now().plusMonths(2);
        assertThat(http.put("/api/v1/training-sessions/" + session, Map.of("start_date", newStart.toString()), fx.admin()).status())
                .isEqualTo(200);
        Eventually.await("course re-dated", () -> MOODLE.ws.courseByIdnumber(session).startdate()
                == newStart.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        assertThat(http.put("/api/v1/trainings/" + training, Map.of("title", "Premiers secours"), fx.admin()).status()).isEqualTo(200);
        Eventually.await("course renamed", () -> MOODLE.ws.courseByIdnumber(session).fullname().equals("Premiers secours (" + newStart + ")"));

        assertThat(MOODLE.ws.courses().stream().filter(c -> c.idnumber().equals(session))).hasSize(1);
        assertThat(MOODLE.ws.courseByIdnumber(session).shortname()).as("short names never change").isEqualTo(course.shortname());
        awaitSynced("course", session);
    }

    @Test
    void whenAnApplicationIsApprovedThenAJwtssoAccountWithoutPasswordIsCreatedStoredAndEnrolledAsStudent() {
        TrainingFixtures fx = fixtures();
        String session = fx.openSession();
        Participant p = approvedParticipant(fx, session);

        FakeMoodleWebServices.Course course = awaitCourse(session);
        FakeMoodleWebServices.User user = awaitEnrolled(p.email(), course);
        assertThat(user.auth()).isEqualTo("jwtsso");
        assertThat(user.username()).isEqualTo(p.email());
        assertThat(user.idnumber()).isEqualTo(p.userId());
        assertThat(user.firstname()).isEqualTo("Awa");
        assertThat(MOODLE.ws.enrolments()).contains(new FakeMoodleWebServices.Enrolment(course.id(), user.id(), 5));
        Eventually.await("moodle_user_id stored", () -> Integer.valueOf(user.id()).equals(moodleUserId(p.userId())));
        awaitSynced("enrolment", p.userId() + "/" + session);
        assertThat(MOODLE.ws.users().stream().filter(u -> u.email().equals(p.email()))).hasSize(1);
    }

    @Test
    void whenThePersonAlreadyHasAMoodleAccountThenItIsFoundByEmailAndNotCreatedTwice() {
        TrainingFixtures fx = fixtures();
        String session = fx.openSession();
        String email = uniqueEmail("known");
        FakeMoodleWebServices.User existing = MOODLE.ws.addUser(email, "Awa", "Diop");
        Participant p = approvedParticipant(fx, session, email);

        awaitEnrolled(email, awaitCourse(session));
        Eventually.await("existing account linked", () -> Integer.valueOf(existing.id()).equals(moodleUserId(p.userId())));
        assertThat(MOODLE.ws.users().stream().filter(u -> u.email().equals(email))).hasSize(1);
    }

    @Test
    void whenTheParticipantIsRefusedAfterApprovalOrDeletedThenTheyAreUnenrolled() {
        TrainingFixtures fx = fixtures();
        String session = fx.openSession();
        Participant refused = approvedParticipant(fx, session);
        Participant deleted = approvedParticipant(fx, session);
        FakeMoodleWebServices.Course course = awaitCourse(session);
        FakeMoodleWebServices.User refusedUser = awaitEnrolled(refused.email(), course);
        FakeMoodleWebServices.User deletedUser = awaitEnrolled(deleted.email(), course);

        assertThat(http.post("/api/v1/student-applications/" + refused.applicationId() + "/status",
                Map.of("status", "REFUSED", "reason", "Dossier incomplet"), fx.admin()).status()).isEqualTo(200);
        assertThat(http.delete("/api/v1/student-applications/" + deleted.applicationId(), fx.admin()).status()).isEqualTo(200);

        Eventually.await("both unenrolled", () -> MOODLE.ws.enrolments().stream()
                .noneMatch(e -> e.courseId() == course.id() && (e.userId() == refusedUser.id() || e.userId() == deletedUser.id())));
        awaitSynced("enrolment", refused.userId() + "/" + session);
        awaitSynced("enrolment", deleted.userId() + "/" + session);
        assertThat(MOODLE.ws.users()).extracting(FakeMoodleWebServices.User::email).contains(refused.email(), deleted.email());
    }

    @Test
    void whenAParticipantsNameEmailOrStatusChangesThenTheMoodleAccountFollows() {
        TrainingFixtures fx = fixtures();
        String session = fx.openSession();
        Participant p = approvedParticipant(fx, session);
        FakeMoodleWebServices.User user = awaitEnrolled(p.email(), awaitCourse(session));
        awaitSynced("account", p.userId());

        String newEmail = uniqueEmail("moved");
        assertThat(http.put("/api/v1/users/" + p.userId(), Map.of("first_name", "Aminata", "email", newEmail), fx.admin()).status())
                .isEqualTo(200);
        Eventually.await("account renamed and moved", () -> MOODLE.ws.users().stream()
                .anyMatch(u -> u.id() == user.id() && u.firstname().equals("Aminata") && u.email().equals(newEmail)
                        && u.username().equals(newEmail)));

        assertThat(http.post("/api/v1/users/change-status/" + p.userId(), Map.of("status", "blocked"), fx.admin()).status()).isEqualTo(200);
        Eventually.await("account suspended", () -> MOODLE.ws.users().stream().anyMatch(u -> u.id() == user.id() && u.suspended()));
        assertThat(http.post("/api/v1/users/change-status/" + p.userId(), Map.of("status", "active"), fx.admin()).status()).isEqualTo(200);
        Eventually.await("account active again", () -> MOODLE.ws.users().stream().anyMatch(u -> u.id() == user.id() && !u.suspended()));
        assertThat(MOODLE.ws.users().stream().filter(u -> u.idnumber().equals(p.userId()))).hasSize(1);
    }

    @Test
    void whenMoodleIsDownUnavailableOrSlowThenEveryEnrolmentArrivesExactlyOnceAfterRecovery() {
        TrainingFixtures fx = fixtures();
        MOODLE.stop();
        String session;
        List<Participant> participants = new ArrayList<>();
        try {
            session = fx.openSession();
            participants.add(approvedParticipant(fx, session));
            participants.add(approvedParticipant(fx, session));
            Eventually.await("refused connections recorded as errors", () -> state("course", session)
                    .filter(r -> r.status().equals("error") && r.attempts() >= 2 && r.lastError().contains("ConnectException")).isPresent());
        } finally {
            MOODLE.restart();
        }
        MOODLE.ws.failWith(503);
        participants.add(approvedParticipant(fx, session));
        Eventually.await("503 recorded", () -> state("enrolment", participants.get(2).userId() + "/" + session)
                .filter(r -> r.lastError() != null && r.lastError().contains("HTTP 503")).isPresent());
        MOODLE.ws.failWith(0);
        MOODLE.ws.delay(1500);
        participants.add(approvedParticipant(fx, session));
        Eventually.await("timeouts recorded", () -> state("enrolment", participants.get(3).userId() + "/" + session)
                .filter(r -> r.lastError() != null && r.lastError().contains("Timeout")).isPresent());
        MOODLE.ws.delay(0);

        FakeMoodleWebServices.Course course = awaitCourse(session);
        for (Participant p : participants) {
            awaitEnrolled(p.email(), course);
            awaitSynced("enrolment", p.userId() + "/" + session);
            assertThat(MOODLE.ws.users().stream().filter(u -> u.email().equals(p.email()))).as("one account for " + p.email()).hasSize(1);
        }
        assertThat(MOODLE.ws.courses().stream().filter(c -> c.idnumber().equals(session))).hasSize(1);
        assertThat(MOODLE.ws.enrolments().stream().filter(e -> e.courseId() == course.id())).hasSize(participants.size());
        assertThat(openFailures("moodle-")).isZero();
    }

    @Test
    void whenMoodleAnswersAnErrorBodyWithHttp200ThenItIsAFailureRetriedUntilItWorks() {
        TrainingFixtures fx = fixtures();
        MOODLE.ws.failNext("core_course_create_courses", 2);
        String session = fx.openSession();

        FakeMoodleWebServices.Course course = awaitCourse(session);
        awaitCourseIdStored(session, course.id());
        awaitSynced("course", session);
        assertThat(MOODLE.ws.courses().stream().filter(c -> c.idnumber().equals(session))).hasSize(1);
    }

    @Test
    void whenTheTokenIsRefusedOrACapabilityMissingThenStaffSeeAConfigurationErrorThatIsNotRetried() {
        TrainingFixtures fx = fixtures();
        String staff = staffToken();
        String expected = MOODLE.ws.token();
        MOODLE.ws.token("another-token");
        String session;
        try {
            session = fx.openSession();
            Eventually.await("configuration error recorded", () -> state("course", session)
                    .filter(r -> r.status().equals("configuration_error") && r.lastError().contains("invalidtoken")).isPresent());
            Eventually.await("failure kept for staff", () -> failures("moodle-course", session) == 1);
            assertThat(state("course", session).orElseThrow().attempts()).as("not retried").isEqualTo(1);
            assertThat(pendingTasks("moodle-course", session)).isZero();
        } finally {
            MOODLE.ws.token(expected);
        }
        Http.Response listed = http.get("/api/v1/moodle/sync-status?status=configuration_error&kind=course&search=" + session,
                Http.Options.bearer(staff));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.at("/total_number").asInt()).isEqualTo(1);
        assertThat(listed.text("/data/0/last_error")).contains("invalidtoken");

        assertThat(http.post("/api/v1/moodle/sync", Map.of("kind", "course", "entity_id", session), Http.Options.bearer(staff)).status())
                .isEqualTo(200);
        awaitSynced("course", session);

        MOODLE.ws.removeCapability("enrol/manual:enrol");
        Participant p = approvedParticipant(fx, session);
        String enrolment = p.userId() + "/" + session;
        Eventually.await("missing capability is a configuration error", () -> state("enrolment", enrolment)
                .filter(r -> r.status().equals("configuration_error") && r.lastError().contains("nopermissions")).isPresent());
        MOODLE.ws.restoreCapabilities();
        assertThat(http.post("/api/v1/moodle/sync", Map.of("kind", "enrolment", "entity_id", enrolment), Http.Options.bearer(staff))
                .status()).isEqualTo(200);
        awaitEnrolled(p.email(), awaitCourse(session));
        awaitSynced("enrolment", enrolment);
    }

    @Test
    void whenMoodleDriftsThenReconciliationRepairsCoursesEnrolmentsAndAccountsButLeavesManualEnrolmentsAlone() {
        TrainingFixtures fx = fixtures();
        String staff = staffToken();
        String session = fx.openSession();
        Participant kept = approvedParticipant(fx, session);
        Participant left = approvedParticipant(fx, session);
        FakeMoodleWebServices.Course course = awaitCourse(session);
        FakeMoodleWebServices.User keptUser = awaitEnrolled(kept.email(), course);
        FakeMoodleWebServices.User leftUser = awaitEnrolled(left.email(), course);
        awaitSynced("enrolment", kept.userId() + "/" + session);
        awaitSynced("enrolment", left.userId() + "/" + session);
        // Drift made behind the platform's back: a participation ends without any push (as with a
        // push lost before this version), and Moodle is edited by hand.
        jdbc.sql("UPDATE training_session_participants SET delete_at = now() WHERE application_id = :a")
                .param("a", left.applicationId()).update();
        FakeMoodleWebServices.User teacher = MOODLE.ws.addUser(uniqueEmail("teacher"), "Moussa", "Ndiaye");
        MOODLE.ws.enrolByHand(course.id(), teacher.id());
        MOODLE.ws.unenrolByHand(course.id(), keptUser.id());
        MOODLE.ws.renameByHand(keptUser.id(), "Someone", "Else");
        MOODLE.ws.renameCourseByHand(course.id(), "Renamed in Moodle");

        Http.Response started = http.post("/api/v1/moodle/reconcile", Map.of(), Http.Options.bearer(staff));
        assertThat(started.status()).isEqualTo(200);

        Eventually.await("participant enrolled again", () -> MOODLE.ws.enrolments().stream()
                .anyMatch(e -> e.courseId() == course.id() && e.userId() == keptUser.id()));
        Eventually.await("former participant unenrolled", () -> MOODLE.ws.enrolments().stream()
                .noneMatch(e -> e.courseId() == course.id() && e.userId() == leftUser.id()));
        Eventually.await("account names repaired", () -> MOODLE.ws.users().stream()
                .anyMatch(u -> u.id() == keptUser.id() && u.firstname().equals("Awa") && u.lastname().equals("Diop")));
        Eventually.await("course name repaired", () -> !MOODLE.ws.courseByIdnumber(session).fullname().equals("Renamed in Moodle"));
        assertThat(MOODLE.ws.enrolments()).as("people enrolled by hand stay")
                .contains(new FakeMoodleWebServices.Enrolment(course.id(), teacher.id(), 5));
    }

    @Test
    void whenTheCallerLacksThePermissionOrSendsBadValuesThenTheSyncRoutesRefuse() {
        String email = uniqueEmail("nosync");
        createUser(email, PASSWORD, "staff");
        Http.Options nobody = Http.Options.bearer(login(email, PASSWORD));
        assertThat(http.get("/api/v1/moodle/sync-status", nobody).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/moodle/sync-status/summary", nobody).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/moodle/reconcile", Map.of(), nobody).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/moodle/sync", Map.of("kind", "course", "entity_id", "x"), nobody).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/moodle/sync-status").status()).isEqualTo(401);

        Http.Options staff = Http.Options.bearer(staffToken());
        Http.Response summary = http.get("/api/v1/moodle/sync-status/summary", staff);
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.at("/data/configured").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/moodle/sync-status?kind=everything", staff).text("/error_code")).isEqualTo("validation_error");
        assertThat(http.get("/api/v1/moodle/sync-status?status=lost", staff).status()).isEqualTo(422);
        assertThat(http.get("/api/v1/moodle/sync-status?order_by=password", staff).status()).isEqualTo(422);
        assertThat(http.post("/api/v1/moodle/sync", Map.of("kind", "planet", "entity_id", "x"), staff).status()).isEqualTo(422);
        assertThat(http.post("/api/v1/moodle/sync", Map.of("kind", "enrolment", "entity_id", "no-slash"), staff).status()).isEqualTo(422);
        assertThat(http.post("/api/v1/moodle/sync", Map.of("kind", "course"), staff).status()).isEqualTo(422);
    }

    private TrainingFixtures fixtures() {
        return new TrainingFixtures(http, adminToken());
    }

    private String staffToken() {
        String email = uniqueEmail("moodle-staff");
        String id = createUser(email, PASSWORD, "staff");
        grant(id, "can_manage_moodle");
        return login(email, PASSWORD);
    }

    private Participant approvedParticipant(TrainingFixtures fx, String session) {
        return approvedParticipant(fx, session, uniqueEmail("student"));
    }

    /** A student applies, submits, and staff approve: the way a person becomes a participant. */
    private Participant approvedParticipant(TrainingFixtures fx, String session, String email) {
        String userId = createUser(email, PASSWORD, "student");
        int application = fx.apply(email, session).at("/data/id").asInt();
        String token = login(email, PASSWORD);
        assertThat(http.post("/api/v1/my-student-applications/" + application + "/submit", Map.of(), Http.Options.bearer(token)).status())
                .isEqualTo(200);
        Http.Response approved = http.post("/api/v1/student-applications/" + application + "/status",
                Map.of("status", "APPROVED", "reason", ""), fx.admin());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return new Participant(userId, email, application, token);
    }

    private static FakeMoodleWebServices.Course awaitCourse(String session) {
        Eventually.await("course of " + session, () -> MOODLE.ws.courseByIdnumber(session) != null);
        return MOODLE.ws.courseByIdnumber(session);
    }

    private static FakeMoodleWebServices.User awaitEnrolled(String email, FakeMoodleWebServices.Course course) {
        Eventually.await(email + " enrolled", () -> {
            FakeMoodleWebServices.User u = MOODLE.ws.userByEmail(email);
            return u != null && MOODLE.ws.enrolments().stream().anyMatch(e -> e.courseId() == course.id() && e.userId() == u.id());
        });
        return MOODLE.ws.userByEmail(email);
    }

    private void awaitCourseIdStored(String session, int courseId) {
        Eventually.await("moodle_course_id stored", () -> Integer.valueOf(courseId).equals(
                nullableInt("SELECT moodle_course_id FROM training_sessions WHERE id = :id", session)));
    }

    private void awaitSynced(String kind, String entity) {
        Eventually.await(kind + " " + entity + " synced", () -> state(kind, entity).filter(r -> r.status().equals("synced")).isPresent()
                && pendingTasks("moodle-" + kind, entity) == 0);
    }

    private java.util.Optional<MoodleSyncState.Row> state(String kind, String entity) {
        return jdbc.sql("""
                SELECT kind, entity_id, status, moodle_id, last_error, attempts, last_attempt_at, synced_at, updated_at
                FROM moodle_sync WHERE kind = :k AND entity_id = :e""")
                .param("k", kind).param("e", entity).query(MoodleSyncState.Row.class).optional();
    }

    private Integer moodleUserId(String userId) {
        return nullableInt("SELECT moodle_user_id FROM users WHERE id = :id", userId);
    }

    /** A nullable integer column of one row (JdbcClient's single() refuses a null value). */
    private Integer nullableInt(String sql, String id) {
        return jdbc.sql(sql).param("id", id).query((rs, i) -> (Integer) rs.getObject(1)).list().getFirst();
    }

    private long pendingTasks(String task, String entity) {
        return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = :t AND task_instance LIKE :i")
                .param("t", task).param("i", entity + "#%").query(Long.class).single();
    }

    private long failures(String task, String entity) {
        return jdbc.sql("SELECT count(*) FROM task_failures WHERE task_name = :t AND task_instance LIKE :i AND retried_at IS NULL")
                .param("t", task).param("i", entity + "#%").query(Long.class).single();
    }

    private long openFailures(String prefix) {
        return jdbc.sql("SELECT count(*) FROM task_failures WHERE task_name LIKE :p AND retried_at IS NULL AND last_error NOT LIKE '%configuration error%'")
                .param("p", prefix + "%").query(Long.class).single();
    }
}
