package org.lafaom.platform.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.Http.Options;
import org.lafaom.platform.support.IntegrationTest;

class GrantIntegrationTests extends IntegrationTest {

    private static final String PASSWORD = "Granted-Pass-42";

    @Test
    void whenRolesAndPermissionsAreListedThenTheContractEnumIsComplete() {
        String admin = adminToken();
        Http.Response roles = http.get("/api/v1/roles", Options.bearer(admin));
        assertThat(roles.status()).isEqualTo(200);
        assertThat(roles.body()).contains("super_admin", "manager", "visitor");

        Http.Response permissions = http.get("/api/v1/permissions", Options.bearer(admin));
        assertThat(permissions.at("/data").size()).isEqualTo(Permission.values().length);
        assertThat(permissions.body()).contains("can_view_payment", "can_give_permission");
    }

    @Test
    void whenPermissionsAreAssignedThenTheUserCanActAndLosesItOnRevoke() {
        String admin = adminToken();
        String email = uniqueEmail("grantee");
        String id = createUser(email, PASSWORD, "staff");

        Http.Response assigned = http.post("/api/v1/users/assign-permissions",
                Map.of("user_id", id, "permissions", List.of("can_view_role", "can_view_user")), Options.bearer(admin));
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.at("/data").size()).isEqualTo(2);
        assertThat(assigned.text("/data/0/user_id")).isEqualTo(id);
        assertThat(assigned.at("/data/0/role_id").isNull()).isTrue();
        String token = login(email, PASSWORD);
        assertThat(http.get("/api/v1/roles", Options.bearer(token)).status()).isEqualTo(200);

        http.post("/api/v1/users/revoke-permissions", Map.of("user_id", id, "permissions", List.of("can_view_role")), Options.bearer(admin));
        assertThat(http.get("/api/v1/roles", Options.bearer(token)).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/users/permissions/" + id, Options.bearer(admin)).at("/data").size()).isEqualTo(1);
    }

    @Test
    void whenARoleIsAssignedThenItsPermissionsApplyAndRoleIsReported() {
        String admin = adminToken();
        String email = uniqueEmail("role");
        String id = createUser(email, PASSWORD, "staff");
        int superAdmin = http.get("/api/v1/roles", Options.bearer(admin)).at("/data/0/id").asInt();

        Http.Response assigned = http.post("/api/v1/users/assign-roles", Map.of("user_id", id, "role_id", superAdmin), Options.bearer(admin));
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(http.get("/api/v1/users/role/" + id, Options.bearer(admin)).text("/data/name")).isEqualTo("super_admin");
        assertThat(http.get("/api/v1/users", Options.bearer(login(email, PASSWORD))).status()).isEqualTo(200);

        http.post("/api/v1/users/revoke-role", Map.of("user_id", id, "role_id", superAdmin), Options.bearer(admin));
        assertThat(http.get("/api/v1/users/role/" + id, Options.bearer(admin)).status()).isEqualTo(404);
    }

    @Test
    void whenGrantNamesAnUnknownUserRoleOrPermissionThenItIsRefused() {
        String admin = adminToken();
        String id = createUser(uniqueEmail("bad-grant"), PASSWORD, "staff");

        Http.Response permission = http.post("/api/v1/users/assign-permissions", Map.of("user_id", id, "permissions", List.of("can_fly")), Options.bearer(admin));
        assertThat(permission.status()).isEqualTo(422);
        Http.Response role = http.post("/api/v1/users/assign-roles", Map.of("user_id", id, "role_id", 99999), Options.bearer(admin));
        assertThat(role.status()).isEqualTo(404);
        assertThat(role.text("/error_code")).isEqualTo("role_not_found");
        Http.Response user = http.post("/api/v1/users/assign-permissions", Map.of("user_id", "ghost", "permissions", List.of("can_view_user")), Options.bearer(admin));
        assertThat(user.status()).isEqualTo(404);
        assertThat(http.get("/api/v1/users/permissions/ghost", Options.bearer(admin)).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/users/assign-roles", Map.of("user_id", id), Options.bearer(admin)).status()).isEqualTo(422);
    }

    @Test
    void whenCallerCannotGivePermissionsThenGrantRoutesAnswer403() {
        String email = uniqueEmail("nogive");
        String id = createUser(email, PASSWORD, "staff");
        String token = login(email, PASSWORD);

        assertThat(http.post("/api/v1/users/assign-permissions", Map.of("user_id", id, "permissions", List.of("can_give_permission")),
                Options.bearer(token)).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/users/revoke-permissions", Map.of("user_id", id, "permissions", List.of()), Options.bearer(token)).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/users/assign-roles", Map.of("user_id", id, "role_id", 1), Options.bearer(token)).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/users/revoke-role", Map.of("user_id", id, "role_id", 1), Options.bearer(token)).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/users/permissions/" + id, Options.bearer(token)).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/users/role/" + id, Options.bearer(token)).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/permissions", Options.bearer(token)).status()).isEqualTo(403);
    }
}
