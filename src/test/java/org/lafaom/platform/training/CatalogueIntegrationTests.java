package org.lafaom.platform.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.IntegrationTest;
import org.lafaom.platform.support.TrainingFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/** Specialties, trainings and sessions over HTTP: the public catalogue, staff writes, and every refusal. */
class CatalogueIntegrationTests extends IntegrationTest {

    @Autowired
    TrainingEventLog events;

    TrainingFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new TrainingFixtures(http, adminToken());
    }

    @Test
    void whenStaffManageSpecialtiesThenThePublicSeesThemAndDuplicatesOrOrphansAreRefused() {
        String name = "Santé " + System.nanoTime();
        Http.Response created = http.post("/api/v1/specialties", Map.of("name", name, "description", "Soins"), fx.admin());
        assertThat(created.status()).isEqualTo(200);
        int id = created.at("/data/id").asInt();
        assertThat(created.text("/data/name")).isEqualTo(name);

        Http.Response page = http.get("/api/v1/specialties?search=" + name.substring(6) + "&_t=123&params[page]=1");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.at("/total_number").asLong()).isEqualTo(1);
        assertThat(page.at("/page").asInt()).isEqualTo(1);
        assertThat(page.at("/number").asInt()).isEqualTo(1);
        assertThat(page.text("/data/0/description")).isEqualTo("Soins");
        assertThat(http.get("/api/v1/specialties/active/all").at("/data").findValuesAsString("name")).contains(name);
        assertThat(http.get("/api/v1/specialties/" + id).text("/data/name")).isEqualTo(name);

        Http.Response duplicate = http.post("/api/v1/specialties", Map.of("name", name.toUpperCase()), fx.admin());
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.text("/error_code")).isEqualTo("specialty_name_already_exists");

        Http.Response renamed = http.put("/api/v1/specialties/" + id, Map.of("name", name + " publique", "description", ""), fx.admin());
        assertThat(renamed.text("/data/name")).isEqualTo(name + " publique");

        fx.training("Aide-soignant", id);
        Http.Response refused = http.delete("/api/v1/specialties/" + id, fx.admin());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("/error_code")).isEqualTo("has_dependents");

        int empty = fx.specialty();
        assertThat(http.delete("/api/v1/specialties/" + empty, fx.admin()).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/specialties/" + empty).text("/error_code")).isEqualTo("specialty_not_found");
        assertThat(http.get("/api/v1/specialties/" + empty).status()).isEqualTo(404);
    }

    @Test
    void whenSpecialtyInputIsWrongOrCallerLacksPermissionThenClearErrors() {
        assertThat(http.post("/api/v1/specialties", Map.of("description", "no name"), fx.admin()).status()).isEqualTo(422);
        assertThat(http.post("/api/v1/specialties", Map.of("name", "x")).status()).isEqualTo(401);
        String email = uniqueEmail("student");
        createUser(email, "Student-Pass-1", "student");
        Http.Response forbidden = http.post("/api/v1/specialties", Map.of("name", "x"), Http.Options.bearer(login(email, "Student-Pass-1")));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.text("/error_code")).isEqualTo("access_denied");
        assertThat(http.get("/api/v1/specialties/abc").status()).isEqualTo(422);
        assertThat(http.get("/api/v1/specialties?order_by=password").status()).isEqualTo(422);
        assertThat(http.get("/api/v1/specialties?page=0").status()).isEqualTo(422);
    }

    @Test
    void whenATrainingIsCreatedUpdatedListedAndDeletedThenTheCatalogueFollows() {
        int specialty = fx.specialty();
        Map<String, Object> body = Map.of("title", "Infirmier " + System.nanoTime(), "specialty_id", specialty, "training_type", "Off-Site",
                "status", "ACTIVE", "duration", 12, "duration_unit", "MONTHS", "presentation", "<p>Intro</p>",
                "benefits", List.of(Map.of("image", "i.png", "content", "Emploi", "url", "https://x")),
                "strengths", List.of(Map.of("image", "s.png", "content", "Stage")), "unknown_field", "ignored");
        Http.Response created = http.post("/api/v1/trainings", body, fx.admin());
        assertThat(created.status()).isEqualTo(200);
        String id = created.text("/data/id");
        assertThat(created.text("/data/training_type")).isEqualTo("Off-Site");
        assertThat(created.text("/data/benefits/0/url")).isEqualTo("https://x");
        assertThat(created.text("/data/strengths/0/content")).isEqualTo("Stage");
        assertThat(created.text("/data/target_skills")).isEmpty();

        Http.Response listed = http.get("/api/v1/trainings?specialty_id=" + specialty + "&status=ACTIVE&order_by=title&asc=desc");
        assertThat(listed.at("/total_number").asLong()).isEqualTo(1);
        assertThat(listed.text("/data/0/id")).isEqualTo(id);
        assertThat(http.get("/api/v1/trainings?search=ntro&specialty_id=" + specialty).at("/total_number").asLong()).isEqualTo(1);

        String session = fx.session(id, Map.of());
        int before = events.of(TrainingSessionChanged.class).size();
        Http.Response updated = http.put("/api/v1/trainings/" + id, Map.of("title", "Infirmier diplômé", "status", "INACTIVE"), fx.admin());
        assertThat(updated.text("/data/title")).isEqualTo("Infirmier diplômé");
        assertThat(updated.text("/data/presentation")).isEqualTo("<p>Intro</p>");
        assertThat(http.get("/api/v1/trainings/" + id).text("/data/status")).isEqualTo("INACTIVE");
        assertThat(events.of(TrainingSessionChanged.class).subList(before, events.of(TrainingSessionChanged.class).size()))
                .contains(new TrainingSessionChanged(session));

        Http.Response blocked = http.delete("/api/v1/trainings/" + id, fx.admin());
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(http.delete("/api/v1/training-sessions/" + session, fx.admin()).status()).isEqualTo(200);
        assertThat(http.delete("/api/v1/trainings/" + id, fx.admin()).status()).isEqualTo(200);
        Http.Response gone = http.get("/api/v1/trainings/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.text("/error_code")).isEqualTo("training_not_found");
    }

    @Test
    void whenTrainingInputIsWrongThenItIsRefusedAndNothingIsWritten() {
        int specialty = fx.specialty();
        long before = jdbc.sql("SELECT count(*) FROM trainings").query(Long.class).single();
        assertThat(http.post("/api/v1/trainings", Map.of("title", "T", "specialty_id", specialty, "training_type", "Remote"), fx.admin())
                .at("/error/0/loc/1").asString()).isEqualTo("training_type");
        assertThat(http.post("/api/v1/trainings", Map.of("title", "T", "specialty_id", specialty, "training_type", "On-Site",
                "status", "OPEN"), fx.admin()).status()).isEqualTo(422);
        assertThat(http.post("/api/v1/trainings", Map.of("title", "T", "specialty_id", specialty, "training_type", "On-Site",
                "duration", -1), fx.admin()).status()).isEqualTo(422);
        Http.Response unknown = http.post("/api/v1/trainings", Map.of("title", "T", "specialty_id", 999999, "training_type", "On-Site"),
                fx.admin());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("/error_code")).isEqualTo("specialty_not_found");
        assertThat(http.post("/api/v1/trainings", Map.of("specialty_id", specialty, "training_type", "On-Site"), fx.admin()).status())
                .isEqualTo(422);
        assertThat(http.get("/api/v1/trainings?status=open").status()).isEqualTo(422);
        assertThat(http.put("/api/v1/trainings/nope", Map.of("title", "x"), fx.admin()).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM trainings").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void whenASessionIsCreatedChangedAndDeletedThenItIsPublishedAndEventsFireInsideTheTransaction() {
        String training = fx.training();
        int centre = http.post("/api/v1/system/organization-centers", Map.of("name", "Centre " + System.nanoTime(),
                "email", uniqueEmail("centre")), fx.admin()).at("/data/id").asInt();
        Http.Response created = http.post("/api/v1/training-sessions", TrainingFixtures.map("training_id", training, "center_id", centre,
                "start_date", "2031-01-10", "end_date", "2031-06-30", "registration_deadline", "2030-12-31", "available_slots", 25,
                "status", "OPEN_FOR_REGISTRATION", "registration_fee", 10000.50, "training_fee", 250000, "currency", "XOF",
                "required_attachments", List.of("CV", "Diplôme"), "installment_percentage", List.of(50, 30, 20)), fx.admin());
        assertThat(created.status()).isEqualTo(200);
        String id = created.text("/data/id");
        assertThat(created.at("/data/registration_fee").decimalValue()).isEqualByComparingTo("10000.50");
        assertThat(created.at("/data/center_id").asInt()).isEqualTo(centre);
        assertThat(created.at("/data/required_attachments").findValuesAsString("")).isEmpty();
        assertThat(created.at("/data/required_attachments/1").asString()).isEqualTo("Diplôme");
        assertThat(created.at("/data/installment_percentage/0").asInt()).isEqualTo(50);
        assertThat(created.at("/data/moodle_course_id").isNull()).isTrue();
        assertThat(events.entries()).contains(new TrainingEventLog.Entry(new TrainingSessionCreated(id), true));

        assertThat(http.get("/api/v1/training-sessions/" + id).text("/data/status")).isEqualTo("OPEN_FOR_REGISTRATION");
        assertThat(http.get("/api/v1/trainings/" + training + "/sessions?order_by=start_date").at("/data/0/id").asString()).isEqualTo(id);
        assertThat(http.get("/api/v1/training-sessions?training_id=" + training + "&center_id=" + centre).at("/total_number").asLong())
                .isEqualTo(1);

        Http.Response moved = http.put("/api/v1/training-sessions/" + id, Map.of("start_date", "2031-02-01", "available_slots", 30), fx.admin());
        assertThat(moved.text("/data/start_date")).isEqualTo("2031-02-01");
        assertThat(moved.at("/data/available_slots").asInt()).isEqualTo(30);
        assertThat(events.entries()).contains(new TrainingEventLog.Entry(new TrainingSessionChanged(id), true));

        assertThat(http.delete("/api/v1/training-sessions/" + id, fx.admin()).status()).isEqualTo(200);
        assertThat(events.entries()).contains(new TrainingEventLog.Entry(new TrainingSessionDeleted(id, null), true));
        assertThat(http.get("/api/v1/training-sessions/" + id).text("/error_code")).isEqualTo("training_session_not_found");
    }

    @Test
    void whenSessionInputIsWrongThenEachGetsItsErrorAndNothingIsWritten() {
        String training = fx.training();
        long before = jdbc.sql("SELECT count(*) FROM training_sessions").query(Long.class).single();
        Map<String, Object> valid = TrainingFixtures.map("training_id", training, "start_date", "2031-01-10", "end_date", "2031-06-30",
                "registration_deadline", "2030-12-31", "available_slots", 5, "status", "OPEN_FOR_REGISTRATION",
                "registration_fee", 0, "training_fee", 100);
        assertThat(field(with(valid, "end_date", "2030-01-01"))).isEqualTo("end_date");
        assertThat(field(with(valid, "registration_deadline", "2031-07-01"))).isEqualTo("registration_deadline");
        assertThat(field(with(valid, "available_slots", -1))).isEqualTo("available_slots");
        assertThat(field(with(valid, "registration_fee", -5))).isEqualTo("registration_fee");
        assertThat(field(with(valid, "training_fee", 1.234))).isEqualTo("training_fee");
        assertThat(field(with(valid, "status", "OPEN"))).isEqualTo("status");
        assertThat(field(with(valid, "currency", "francs"))).isEqualTo("currency");
        assertThat(field(with(valid, "installment_percentage", List.of(50, 40)))).isEqualTo("installment_percentage");
        Http.Response badDate = http.post("/api/v1/training-sessions", with(valid, "start_date", "10/01/2031"), fx.admin());
        assertThat(badDate.status()).isEqualTo(422);
        assertThat(badDate.body()).contains("start_date");
        Http.Response unknownTraining = http.post("/api/v1/training-sessions", with(valid, "training_id", "nope"), fx.admin());
        assertThat(unknownTraining.status()).isEqualTo(404);
        assertThat(unknownTraining.text("/error_code")).isEqualTo("training_not_found");
        Http.Response unknownCentre = http.post("/api/v1/training-sessions", with(valid, "center_id", 987654), fx.admin());
        assertThat(unknownCentre.text("/error_code")).isEqualTo("organization_center_not_found");
        assertThat(jdbc.sql("SELECT count(*) FROM training_sessions").query(Long.class).single()).isEqualTo(before);

        String session = fx.session(training, Map.of("start_date", LocalDate.now().plusDays(10).toString()));
        assertThat(http.put("/api/v1/training-sessions/" + session, Map.of("end_date", LocalDate.now().toString()), fx.admin()).status())
                .isEqualTo(422);
        assertThat(http.get("/api/v1/training-sessions?status=active").status()).isEqualTo(422);
        assertThat(http.get("/api/v1/trainings/unknown/sessions").status()).isEqualTo(404);
        assertThat(http.post("/api/v1/training-sessions", valid).status()).isEqualTo(401);
    }

    @Test
    void whenMembersAreAskedThenOnlyStaffMaySeeThem() {
        String session = fx.openSession();
        assertThat(http.get("/api/v1/training-sessions/" + session + "/members").status()).isEqualTo(401);
        Http.Response members = http.get("/api/v1/training-sessions/" + session + "/members", fx.admin());
        assertThat(members.status()).isEqualTo(200);
        assertThat(members.at("/data").size()).isZero();
    }

    private String field(Map<String, Object> body) {
        Http.Response r = http.post("/api/v1/training-sessions", body, fx.admin());
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        return r.at("/error/0/loc/1").asString();
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
