package org.lafaom.platform.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.Http.Options;
import org.lafaom.platform.support.IntegrationTest;

class UserAdministrationIntegrationTests extends IntegrationTest {

    private static final String PASSWORD = "Managed-Pass-42";

    private Map<String, Object> newUser(String email) {
        Map<String, Object> body = new HashMap<>(Map.of("first_name", "Moussa", "last_name", "Ba", "password", PASSWORD,
                "email", email, "status", "active", "user_type", "staff", "two_factor_enabled", false));
        body.put("web_token", null);
        body.put("civility", "Mr");
        return body;
    }

    @Test
    void whenStaffCreatesAUserThenItCanBeReadListedAndSearched() {
        String admin = adminToken();
        String email = uniqueEmail("Created");

        Http.Response created = http.post("/api/v1/users", newUser(email), Options.bearer(admin));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.text("/message")).isEqualTo("Users created successfully");
        assertThat(created.text("/data/email")).isEqualTo(email.toLowerCase());
        assertThat(created.text("/data/country_code")).isEqualTo("SN");
        assertThat(created.json().at("/data").has("password")).isFalse();
        String id = created.text("/data/id");

        assertThat(http.get("/api/v1/users/" + id, Options.bearer(admin)).text("/data/last_name")).isEqualTo("Ba");
        Http.Response search = http.get("/api/v1/users?search=" + email.substring(0, 15).toLowerCase() + "&_t=123&params[page]=9", Options.bearer(admin));
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.at("/total_number").asLong()).isEqualTo(1);
        assertThat(search.at("/page").asInt()).isEqualTo(1);
        assertThat(search.at("/number").asInt()).isEqualTo(1);
        assertThat(search.text("/data/0/id")).isEqualTo(id);
        assertThat(search.json().has("success")).isFalse();
    }

    @Test
    void whenListIsPagedOrderedAndFilteredThenTotalsMatch() {
        String admin = adminToken();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = newUser(uniqueEmail("teacher" + i));
            body.put("user_type", "teacher");
            body.put("last_name", "Teacher" + i);
            http.post("/api/v1/users", body, Options.bearer(admin));
        }
        Http.Response page = http.get("/api/v1/users?user_type=teacher&page=1&page_size=2&order_by=last_name&asc=desc", Options.bearer(admin));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.at("/number").asInt()).isEqualTo(2);
        long total = page.at("/total_number").asLong();
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(page.text("/data/0/last_name").compareTo(page.text("/data/1/last_name"))).isPositive();
        Http.Response last = http.get("/api/v1/users?user_type=teacher&page=" + ((total + 1) / 2) + "&page_size=2", Options.bearer(admin));
        assertThat(last.at("/number").asInt()).isEqualTo(total % 2 == 0 ? 2 : 1);
    }

    @Test
    void whenListQueryIsInvalidThen422() {
        String admin = adminToken();
        for (String query : List.of("order_by=password", "asc=up", "page=0", "page_size=1000", "user_type=king", "page=abc")) {
            Http.Response r = http.get("/api/v1/users?" + query, Options.bearer(admin));
            assertThat(r.status()).as(query).isEqualTo(422);
            assertThat(r.text("/error_code")).isEqualTo("validation_error");
        }
    }

    @Test
    void whenCreationIsInvalidThen422WithoutEchoingThePassword() {
        Map<String, Object> body = newUser("not-an-email");
        body.put("password", "secret-value-xyz");
        Http.Response r = http.post("/api/v1/users", body, Options.bearer(adminToken()));

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.text("/message")).isEqualTo("Validation error");
        assertThat(r.at("/error/0/loc/0").asString()).isEqualTo("body");
        assertThat(r.at("/error/0/loc/1").asString()).isEqualTo("email");
        assertThat(r.text("/data/email")).isEqualTo("not-an-email");
        assertThat(r.body()).doesNotContain("secret-value-xyz");

        Map<String, Object> badEnum = newUser(uniqueEmail("enum"));
        badEnum.put("status", "vip");
        assertThat(http.post("/api/v1/users", badEnum, Options.bearer(adminToken())).status()).isEqualTo(422);
    }

    @Test
    void whenEmailIsTakenThenCreationAndUpdateAreRefused() {
        String admin = adminToken();
        String email = uniqueEmail("dup");
        String first = http.post("/api/v1/users", newUser(email), Options.bearer(admin)).text("/data/id");
        String second = http.post("/api/v1/users", newUser(uniqueEmail("other")), Options.bearer(admin)).text("/data/id");

        Http.Response dup = http.post("/api/v1/users", newUser(email.toUpperCase()), Options.bearer(admin));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.text("/error_code")).isEqualTo("email_already_token");

        Http.Response update = http.put("/api/v1/users/" + second, Map.of("email", email), Options.bearer(admin));
        assertThat(update.status()).isEqualTo(400);
        assertThat(http.put("/api/v1/users/" + first, Map.of("email", email, "first_name", "Same"), Options.bearer(admin)).status()).isEqualTo(200);
    }

    @Test
    void whenUserIsUpdatedThenFieldsChangeAndANewPasswordWorks() {
        String admin = adminToken();
        String email = uniqueEmail("upd");
        String id = http.post("/api/v1/users", newUser(email), Options.bearer(admin)).text("/data/id");

        Http.Response r = http.put("/api/v1/users/" + id, Map.of("first_name", "Ibrahima", "user_type", "teacher", "password", "Changed-Pass-9"),
                Options.bearer(admin));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("/data/first_name")).isEqualTo("Ibrahima");
        assertThat(r.text("/data/user_type")).isEqualTo("teacher");
        assertThat(login(email, "Changed-Pass-9")).isNotBlank();
        assertThat(http.put("/api/v1/users/" + id, Map.of("user_type", "king"), Options.bearer(admin)).status()).isEqualTo(422);
        assertThat(http.put("/api/v1/users/unknown-id", Map.of("first_name", "X"), Options.bearer(admin)).status()).isEqualTo(404);
    }

    @Test
    void whenStatusChangesThenTheValueIsCheckedAndStored() {
        String admin = adminToken();
        String id = http.post("/api/v1/users", newUser(uniqueEmail("status")), Options.bearer(admin)).text("/data/id");

        assertThat(http.post("/api/v1/users/change-status/" + id, Map.of("status", "inactive"), Options.bearer(admin)).text("/data/status"))
                .isEqualTo("inactive");
        assertThat(http.post("/api/v1/users/change-status/" + id, Map.of("status", "asleep"), Options.bearer(admin)).status()).isEqualTo(422);
        Http.Response unknown = http.post("/api/v1/users/change-status/nope", Map.of("status", "active"), Options.bearer(admin));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("/error_code")).isEqualTo("user_not_found");
    }

    @Test
    void whenUserIsDeletedThenItDisappearsButTheSuperAdminCannotBeDeleted() {
        String admin = adminToken();
        String email = uniqueEmail("del");
        String id = http.post("/api/v1/users", newUser(email), Options.bearer(admin)).text("/data/id");

        assertThat(http.delete("/api/v1/users/" + id, new Options()).status()).isEqualTo(401);
        Http.Response deleted = http.delete("/api/v1/users/" + id, Options.bearer(admin));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(http.get("/api/v1/users/" + id, Options.bearer(admin)).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE id = :id").param("id", id).query(Long.class).single()).isEqualTo(1);
        assertThat(http.post("/api/v1/auth/token", Map.of("email", email, "password", PASSWORD), Options.from(newAddress())).status()).isEqualTo(401);

        String adminId = http.get("/api/v1/auth/me", Options.bearer(admin)).text("/data/id");
        String deleterEmail = uniqueEmail("deleter");
        String deleter = createUser(deleterEmail, PASSWORD, "staff");
        grant(deleter, "can_delete_user");
        Http.Response superAdmin = http.delete("/api/v1/users/" + adminId, Options.bearer(login(deleterEmail, PASSWORD)));
        assertThat(superAdmin.status()).isEqualTo(400);
        assertThat(superAdmin.text("/error_code")).isEqualTo("can_not_delete_super_admin");
    }

    @Test
    void whenCallerLacksThePermissionThenEveryUserRouteAnswers403() {
        String email = uniqueEmail("weak");
        String id = createUser(email, PASSWORD, "staff");
        String token = login(email, PASSWORD);

        assertThat(http.get("/api/v1/users", Options.bearer(token)).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/users/" + id, Options.bearer(token)).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/users", newUser(uniqueEmail("x")), Options.bearer(token)).status()).isEqualTo(403);
        assertThat(http.put("/api/v1/users/" + id, Map.of("first_name", "X"), Options.bearer(token)).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/users/change-status/" + id, Map.of("status", "active"), Options.bearer(token)).status()).isEqualTo(403);
        assertThat(http.delete("/api/v1/users/" + id, Options.bearer(token)).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/users/internal", Map.of("user_ids", List.of(id)), Options.bearer(token)).status()).isEqualTo(403);
        Http.Response denied = http.get("/api/v1/roles", Options.bearer(token));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.text("/error_code")).isEqualTo("access_denied");

        grant(id, "can_view_user");
        assertThat(http.get("/api/v1/users", Options.bearer(token)).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/users/internal", Map.of("user_ids", List.of(id)), Options.bearer(token)).status()).isEqualTo(200);
    }
}
