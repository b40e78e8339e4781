package org.lafaom.platform.users;

import jakarta.validation.Valid;
import java.util.List;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ApiResponse;
import org.lafaom.platform.shared.CurrentUser;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.PageResponse;
import org.lafaom.platform.users.UserInputs.CreateUserInput;
import org.lafaom.platform.users.UserInputs.UpdateStatusInput;
import org.lafaom.platform.users.UserInputs.UpdateUserInput;
import org.lafaom.platform.users.UserInputs.UserListInput;
import org.lafaom.platform.users.UserViews.UserSimpleOut;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff management of accounts ({@code /api/v1/users}). */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final UserAdministration admin;

    UserController(UserAdministration admin) {
        this.admin = admin;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('can_view_user')")
    PageResponse<UserSimpleOut> list(
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "page_size", required = false) Integer pageSize,
            @RequestParam(required = false) String search,
            @RequestParam(name = "user_type", required = false) String userType,
            @RequestParam(name = "country_code", required = false) String countryCode,
            @RequestParam(name = "order_by", required = false) String orderBy,
            @RequestParam(required = false) String asc) {
        PageRequest request = PageRequest.of(page, pageSize, orderBy, asc, UserAdministration.ORDERS, "created_at");
        return admin.list(new UserRepository.ListFilter(search, userType, countryCode), request);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('can_create_user')")
    ApiResponse<UserSimpleOut> create(@Valid @RequestBody CreateUserInput input) {
        return ApiResponse.ok("Users created successfully", admin.create(input));
    }

    /** For machine clients holding the {@code user:read} scope, and for staff who may view users. */
    @PostMapping("/internal")
    @PreAuthorize("hasAuthority('SCOPE_user:read') or hasAuthority('can_view_user')")
    ApiResponse<List<UserSimpleOut>> internal(@Valid @RequestBody UserListInput input) {
        return ApiResponse.ok("Users list fetch successfully", admin.getAll(input.userIds()));
    }

    @GetMapping("/{userId}")
    @PreAuthorize("hasAuthority('can_view_user')")
    ApiResponse<UserSimpleOut> get(@PathVariable String userId) {
        return ApiResponse.ok("Users fetch successfully", admin.get(userId));
    }

    @PostMapping("/change-status/{userId}")
    @PreAuthorize("hasAuthority('can_update_user')")
    ApiResponse<UserSimpleOut> changeStatus(@PathVariable String userId, @Valid @RequestBody UpdateStatusInput input) {
        return ApiResponse.ok("Users updated status successfully", admin.changeStatus(userId, input.status()));
    }

    @PutMapping("/{userId}")
    @PreAuthorize("hasAuthority('can_update_user')")
    ApiResponse<UserSimpleOut> update(@PathVariable String userId, @Valid @RequestBody UpdateUserInput input) {
        return ApiResponse.ok("Users updated successfully", admin.update(userId, input));
    }

    /** The old backend left this route public; it now needs {@code can_delete_user}. */
    @DeleteMapping("/{userId}")
    @PreAuthorize("hasAuthority('can_delete_user')")
    ApiResponse<UserSimpleOut> delete(@PathVariable String userId, @AuthenticationPrincipal CurrentUser me) {
        if (me == null) {
            throw new ApiException(ErrorCode.NOT_AUTHENTICATED);
        }
        return ApiResponse.ok("Users deleted successfully", admin.delete(userId, me.id()));
    }
}
