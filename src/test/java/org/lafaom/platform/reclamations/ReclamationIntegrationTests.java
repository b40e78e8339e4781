package org.lafaom.platform.reclamations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.IntegrationTest;
import org.lafaom.platform.support.TrainingFixtures;

/** Students file and follow reclamations about their own applications; staff move them to closure. */
class ReclamationIntegrationTests extends IntegrationTest {

    @Test
    void whenAStudentFilesAReclamationThenStaffHandleItAndClosingSetsTheDate() {
        Http.Options admin = Http.Options.bearer(adminToken());
        TrainingFixtures fx = new TrainingFixtures(http, adminToken());
        Http.Response type = http.post("/api/v1/reclamation-types", Map.of("name", "Paiement", "description", "Frais"), admin);
        assertThat(type.status()).isEqualTo(200);
        int typeId = type.at("/data/id").asInt();
        assertThat(http.get("/api/v1/reclamation-types/active/all").at("/data").findValuesAsString("name")).contains("Paiement");

        String email = uniqueEmail("reclaim");
        createUser(email, "Reclaim-Pass-1", "student");
        Http.Options student = Http.Options.bearer(login(email, "Reclaim-Pass-1"));
        String number = fx.apply(email, fx.openSession()).text("/data/application_number");

        Http.Response filed = http.post("/api/v1/my-reclamations", Map.of("application_number", number, "subject", "Reçu manquant",
                "reclamation_type", typeId, "priority", "HIGH", "description", "Je n'ai pas reçu de reçu"), student);
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        int id = filed.at("/data/id").asInt();
        assertThat(filed.text("/data/status")).isEqualTo("NEW");
        assertThat(filed.text("/data/reclamation_number")).matches("REC-\\d{4}-\\d{6}");
        assertThat(filed.text("/data/reclamation_type_name")).isEqualTo("Paiement");
        assertThat(http.get("/api/v1/my-reclamations", student).at("/total_number").asLong()).isEqualTo(1);

        Http.Response edited = http.put("/api/v1/my-reclamations/" + id, Map.of("application_number", number, "subject", "Reçu manquant (2)",
                "reclamation_type", typeId, "description", "Toujours rien"), student);
        assertThat(edited.text("/data/subject")).isEqualTo("Reçu manquant (2)");
        assertThat(edited.text("/data/priority")).isEqualTo("LOW");

        assertThat(http.get("/api/v1/reclamations?status=NEW&application_number=" + number, admin).at("/total_number").asLong()).isEqualTo(1);
        Http.Response progress = http.put("/api/v1/reclamations/" + id + "/status", Map.of("status", "IN_PROGRESS"), admin);
        assertThat(progress.text("/data/status")).isEqualTo("IN_PROGRESS");
        assertThat(progress.text("/data/admin_name")).isNotBlank();
        assertThat(progress.at("/data/closure_date").isNull()).isTrue();
        Http.Response closed = http.put("/api/v1/reclamations/" + id + "/status", Map.of("status", "CLOSED"), admin);
        assertThat(closed.text("/data/closure_date")).isNotBlank();
        Http.Response lockedEdit = http.put("/api/v1/my-reclamations/" + id, Map.of("application_number", number, "subject", "x",
                "reclamation_type", typeId, "description", "y"), student);
        assertThat(lockedEdit.status()).isEqualTo(409);

        assertThat(http.delete("/api/v1/my-reclamations/" + id, student).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/my-reclamations/" + id, student).text("/error_code")).isEqualTo("reclamation_not_found");
    }

    @Test
    void whenReclamationInputIsWrongOrForeignThenItIsRefused() {
        Http.Options admin = Http.Options.bearer(adminToken());
        TrainingFixtures fx = new TrainingFixtures(http, adminToken());
        int typeId = http.post("/api/v1/reclamation-types", Map.of("name", "Autre"), admin).at("/data/id").asInt();
        String owner = uniqueEmail("owner");
        createUser(owner, "Owner-Pass-1", "student");
        String intruder = uniqueEmail("intruder");
        createUser(intruder, "Intruder-Pass-1", "student");
        Http.Options ownerAuth = Http.Options.bearer(login(owner, "Owner-Pass-1"));
        Http.Options intruderAuth = Http.Options.bearer(login(intruder, "Intruder-Pass-1"));
        String number = fx.apply(owner, fx.openSession()).text("/data/application_number");

        Http.Response foreign = http.post("/api/v1/my-reclamations", Map.of("application_number", number, "subject", "s",
                "reclamation_type", typeId, "description", "d"), intruderAuth);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.text("/error_code")).isEqualTo("student_application_not_found");
        Http.Response badType = http.post("/api/v1/my-reclamations", Map.of("application_number", number, "subject", "s",
                "reclamation_type", 999999, "description", "d"), ownerAuth);
        assertThat(badType.text("/error_code")).isEqualTo("reclamation_type_not_found");
        assertThat(http.post("/api/v1/my-reclamations", Map.of("application_number", number, "subject", "s", "reclamation_type", typeId,
                "priority", "URGENT", "description", "d"), ownerAuth).status()).isEqualTo(422);
        assertThat(http.post("/api/v1/my-reclamations", Map.of("application_number", number), ownerAuth).status()).isEqualTo(422);

        int id = http.post("/api/v1/my-reclamations", Map.of("application_number", number, "subject", "s", "reclamation_type", typeId,
                "description", "d"), ownerAuth).at("/data/id").asInt();
        assertThat(http.get("/api/v1/my-reclamations/" + id, intruderAuth).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/my-reclamations", intruderAuth).at("/total_number").asLong()).isZero();
        assertThat(http.get("/api/v1/reclamations", ownerAuth).status()).isEqualTo(403);
        assertThat(http.put("/api/v1/reclamations/" + id + "/status", Map.of("status", "DONE"), admin).status()).isEqualTo(422);
        assertThat(http.put("/api/v1/reclamations/999999/status", Map.of("status", "CLOSED"), admin).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/reclamations?priority=urgent", admin).status()).isEqualTo(422);

        assertThat(http.put("/api/v1/reclamation-types/" + typeId, Map.of("name", "Divers"), admin).text("/data/name")).isEqualTo("Divers");
        assertThat(http.post("/api/v1/reclamation-types", Map.of("name", "x"), ownerAuth).status()).isEqualTo(403);
        assertThat(http.delete("/api/v1/reclamation-types/" + typeId, admin).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/reclamation-types/" + typeId).text("/error_code")).isEqualTo("reclamation_type_not_found");
    }
}
