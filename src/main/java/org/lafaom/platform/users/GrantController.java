package org.lafaom.platform.users;

import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import org.lafaom.platform.shared.ApiResponse;
import org.lafaom.platform.users.UserInputs.AssignPermissionsInput;
import org.lafaom.platform.users.UserInputs.AssignRoleInput;
import org.lafaom.platform.users.UserViews.PermissionOut;
import org.lafaom.platform.users.UserViews.RoleOut;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Roles, the permission list and grants to users. */
@RestController
@RequestMapping("/api/v1")
class GrantController {

    private final UserAdministration admin;

    GrantController(UserAdministration admin) {
        this.admin = admin;
    }

    @PostMapping("/users/assign-permissions")
    @PreAuthorize("hasAuthority('can_give_permission')")
    ApiResponse<List<PermissionOut>> assignPermissions(@Valid @RequestBody AssignPermissionsInput input) {
        return ApiResponse.ok("Permissions assigned successfully", admin.assignPermissions(input.userId(), input.permissions()));
    }

    @PostMapping("/users/revoke-permissions")
    @PreAuthorize("hasAuthority('can_give_permission')")
    ApiResponse<List<PermissionOut>> revokePermissions(@Valid @RequestBody AssignPermissionsInput input) {
        return ApiResponse.ok("Permissions revoked successfully", admin.revokePermissions(input.userId(), input.permissions()));
    }

    @PostMapping("/users/assign-roles")
    @PreAuthorize("hasAuthority('can_give_permission')")
    ApiResponse<List<PermissionOut>> assignRole(@Valid @RequestBody AssignRoleInput input) {
        return ApiResponse.ok("Roles assigned successfully", admin.assignRole(input.userId(), input.roleId()));
    }

    @PostMapping("/users/revoke-role")
    @PreAuthorize("hasAuthority('can_give_permission')")
    ApiResponse<List<PermissionOut>> revokeRole(@Valid @RequestBody AssignRoleInput input) {
        return ApiResponse.ok("Roles revoked successfully", admin.revokeRole(input.userId(), input.roleId()));
    }

    @GetMapping("/users/permissions/{userId}")
    @PreAuthorize("hasAuthority('can_give_permission')")
    ApiResponse<List<PermissionOut>> permissionsOf(@PathVariable String userId) {
        return ApiResponse.ok("User Permissions", admin.grantsOf(userId));
    }

    @GetMapping("/users/role/{userId}")
    @PreAuthorize("hasAuthority('can_give_permission')")
    ApiResponse<RoleOut> roleOf(@PathVariable String userId) {
        return ApiResponse.ok("User Role", admin.roleOf(userId));
    }

    @GetMapping("/roles")
    @PreAuthorize("hasAuthority('can_view_role')")
    ApiResponse<List<RoleOut>> roles() {
        return ApiResponse.ok("Roles fetch successfully", admin.roles());
    }

    @GetMapping("/permissions")
    @PreAuthorize("hasAuthority('can_view_role')")
    ApiResponse<List<String>> permissions() {
        return ApiResponse.ok("Permissions fetch successfully", Arrays.stream(Permission.values()).map(Permission::value).toList());
    }
}
