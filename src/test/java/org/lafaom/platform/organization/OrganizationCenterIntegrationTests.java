package org.lafaom.platform.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.IntegrationTest;
import org.lafaom.platform.support.TrainingFixtures;

/** Organisation centres: staff management, status changes, public lookups, and the refusals. */
class OrganizationCenterIntegrationTests extends IntegrationTest {

    private static final String BASE = "/api/v1/system/organization-centers";

    @Test
    void whenStaffManageACentreThenItIsListedChangedAndLookedUpPublicly() {
        Http.Options admin = Http.Options.bearer(adminToken());
        String name = "Centre de Thiès " + System.nanoTime();
        String email = uniqueEmail("thies");
        Http.Response created = http.post(BASE, TrainingFixtures.map("name", name, "address", "Route de Dakar", "city", "Thiès",
                "country_code", "SN", "email", email, "latitude", 14.79, "longitude", -16.93, "organization_type", "branch",
                "telephone_number", "+221 33 951 00 00"), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        int id = created.at("/data/id").asInt();
        assertThat(created.text("/data/status")).isEqualTo("active");
        assertThat(created.text("/data/organization_type")).isEqualTo("branch");
        assertThat(created.at("/data/latitude").asDouble()).isEqualTo(14.79);

        assertThat(http.get(BASE + "?search=" + enc(name.substring(10)) + "&organization_type=branch&order_by=name", admin).at("/total_number")
                .asLong()).isEqualTo(1);
        assertThat(http.get(BASE + "/" + id, admin).text("/data/email")).isEqualTo(email);
        assertThat(http.get(BASE + "/" + id + "/public").text("/data/name")).isEqualTo(name);
        assertThat(http.get(BASE + "/location/SN?city=" + enc("Thiès")).at("/data").findValuesAsString("name")).contains(name);
        assertThat(http.post(BASE + "/internal", Map.of("organization_center_ids", List.of(id, 999999))).at("/data").size()).isEqualTo(1);

        Http.Response updated = http.put(BASE + "/" + id, Map.of("name", name, "email", email, "city", "Thiès-Nord",
                "status", "inactive", "organization_type", "partner"), admin);
        assertThat(updated.text("/data/city")).isEqualTo("Thiès-Nord");
        assertThat(updated.text("/data/organization_type")).isEqualTo("partner");
        assertThat(http.post(BASE + "/change-status/" + id, Map.of("status", "suspended"), admin).text("/data/status")).isEqualTo("suspended");

        assertThat(http.delete(BASE + "/" + id, admin).status()).isEqualTo(200);
        Http.Response gone = http.get(BASE + "/" + id + "/public");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.text("/error_code")).isEqualTo("organization_center_not_found");
        assertThat(jdbc.sql("SELECT status FROM organization_centers WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("deleted");
    }

    @Test
    void whenCentreInputIsWrongOrDuplicatedThenEachGetsItsError() {
        Http.Options admin = Http.Options.bearer(adminToken());
        String name = "Centre unique " + System.nanoTime();
        String email = uniqueEmail("unique");
        assertThat(http.post(BASE, Map.of("name", name, "email", email), admin).status()).isEqualTo(200);

        Http.Response sameName = http.post(BASE, Map.of("name", name, "email", uniqueEmail("other")), admin);
        assertThat(sameName.status()).isEqualTo(400);
        assertThat(sameName.text("/error_code")).isEqualTo("organization_center_name_already_exists");
        Http.Response sameEmail = http.post(BASE, Map.of("name", name + " bis", "email", email.toUpperCase()), admin);
        assertThat(sameEmail.text("/error_code")).isEqualTo("organization_center_email_already_exists");
        assertThat(http.post(BASE, Map.of("name", "X", "email", "nope"), admin).status()).isEqualTo(422);
        assertThat(http.post(BASE, Map.of("name", "X", "email", uniqueEmail("x"), "status", "closed"), admin).status()).isEqualTo(422);
        assertThat(http.post(BASE, Map.of("name", "X", "email", uniqueEmail("x"), "latitude", 123), admin).status()).isEqualTo(422);
        assertThat(http.get(BASE + "?status=open", admin).status()).isEqualTo(422);
        assertThat(http.post(BASE + "/change-status/999999", Map.of("status", "active"), admin).status()).isEqualTo(404);
        assertThat(http.get(BASE + "/abc", admin).status()).isEqualTo(422);

        assertThat(http.get(BASE).status()).isEqualTo(401);
        String staff = uniqueEmail("staff");
        createUser(staff, "Staff-Pass-1", "staff");
        assertThat(http.post(BASE, Map.of("name", "Y", "email", uniqueEmail("y")), Http.Options.bearer(login(staff, "Staff-Pass-1"))).status())
                .isEqualTo(403);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
