package org.lafaom.platform.users;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.Ids;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.PageResponse;
import org.lafaom.platform.users.UserInputs.CreateUserInput;
import org.lafaom.platform.users.UserInputs.UpdateAddressInput;
import org.lafaom.platform.users.UserInputs.UpdateProfileInput;
import org.lafaom.platform.users.UserInputs.UpdateUserInput;
import org.lafaom.platform.users.UserViews.PermissionOut;
import org.lafaom.platform.users.UserViews.RoleOut;
import org.lafaom.platform.users.UserViews.UserSimpleOut;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff operations on accounts, roles and grants, and each person's own profile. */
@Service
@Transactional(readOnly = true)
class UserAdministration {

    static final Set<String> ORDERS = Set.of("created_at", "last_login", "first_name", "last_name");
    private static final List<String> LANGS = List.of("en", "fr");
    private static final List<String> CIVILITIES = List.of("Mr", "Mme", "Mlle");

    private final UserRepository users;
    private final GrantRepository grants;
    private final PasswordHasher hasher;
    private final UserAccounts accounts;
    private final ApplicationEventPublisher events;

    UserAdministration(UserRepository users, GrantRepository grants, PasswordHasher hasher, UserAccounts accounts,
            ApplicationEventPublisher events) {
        this.users = users;
        this.grants = grants;
        this.hasher = hasher;
        this.accounts = accounts;
        this.events = events;
    }

    PageResponse<UserSimpleOut> list(UserRepository.ListFilter filter, PageRequest page) {
        if (filter.userType() != null && !UserType.isKnown(filter.userType())) {
            throw ApiException.validation("query", "user_type", "user_type must be one of " + UserType.all());
        }
        return PageResponse.of(users.list(filter, page), page, users.count(filter));
    }

    UserSimpleOut get(String id) {
        return users.findSimple(id).orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND));
    }

    List<UserSimpleOut> getAll(List<String> ids) {
        return users.findSimple(ids);
    }

    @Transactional
    UserSimpleOut create(CreateUserInput in) {
        requireKnown("status", in.status(), UserStatus.all());
        requireKnown("user_type", in.userType(), UserType.all());
        String lang = in.lang() == null ? "en" : in.lang();
        requireKnown("lang", lang, LANGS);
        requireKnown("civility", in.civility(), CIVILITIES);
        if (users.emailTaken(in.email(), null)) {
            throw new ApiException(ErrorCode.EMAIL_ALREADY_TAKEN);
        }
        String id = Ids.newId();
        users.insert(new NewUser(id, in.firstName().trim(), in.lastName().trim(), in.birthDate(), in.civility(),
                in.countryCode() == null ? "SN" : in.countryCode(), in.mobileNumber(), in.fixNumber(),
                in.email().trim().toLowerCase(Locale.ROOT), hasher.hash(in.password()), in.status(), lang, in.webToken(),
                in.userType(), Boolean.TRUE.equals(in.twoFactorEnabled())));
        return get(id);
    }

    @Transactional
    UserSimpleOut update(String id, UpdateUserInput in) {
        get(id);
        Map<String, Object> changes = new LinkedHashMap<>();
        put(changes, "first_name", in.firstName());
        put(changes, "last_name", in.lastName());
        putKnown(changes, "user_type", in.userType(), UserType.all());
        putKnown(changes, "status", in.status(), UserStatus.all());
        putKnown(changes, "lang", in.lang(), LANGS);
        putKnown(changes, "civility", in.civility(), CIVILITIES);
        if (in.email() != null) {
            if (users.emailTaken(in.email(), id)) {
                throw new ApiException(ErrorCode.EMAIL_ALREADY_TAKEN);
            }
            changes.put("email", in.email().trim().toLowerCase(Locale.ROOT));
        }
        if (in.password() != null) {
            changes.put("password", hasher.hash(in.password()));
        }
        put(changes, "birth_date", in.birthDate());
        put(changes, "country_code", in.countryCode());
        put(changes, "mobile_number", in.mobileNumber());
        put(changes, "fix_number", in.fixNumber());
        put(changes, "web_token", in.webToken());
        put(changes, "two_factor_enabled", in.twoFactorEnabled());
        users.update(id, changes);
        events.publishEvent(new UserProfileChanged(id));
        if (in.password() != null || isLockedOut(in.status())) {
            accounts.revokeAllSessions(id);
        }
        return get(id);
    }

    @Transactional
    UserSimpleOut changeStatus(String id, String status) {
        requireKnown("status", status, UserStatus.all());
        get(id);
        users.update(id, Map.of("status", status));
        if (isLockedOut(status)) {
            accounts.revokeAllSessions(id);
        }
        events.publishEvent(new UserProfileChanged(id));
        return get(id);
    }

    @Transactional
    UserSimpleOut delete(String id, String actingUserId) {
        UserSimpleOut user = get(id);
        if (grants.hasRole(id, GrantRepository.SUPER_ADMIN)) {
            throw new ApiException(ErrorCode.CAN_NOT_DELETE_SUPER_ADMIN);
        }
        if (id.equals(actingUserId)) {
            throw new ApiException(ErrorCode.ACCESS_DENIED, "You cannot delete your own account");
        }
        users.softDelete(id);
        accounts.revokeAllSessions(id);
        events.publishEvent(new UserProfileChanged(id));
        return user;
    }

    List<RoleOut> roles() {
        return grants.roles();
    }

    List<PermissionOut> grantsOf(String userId) {
        get(userId);
        return grants.grantsOf(userId);
    }

    RoleOut roleOf(String userId) {
        get(userId);
        return grants.rolesOf(userId).stream().findFirst().orElseThrow(() -> new ApiException(ErrorCode.ROLE_NOT_FOUND));
    }

    @Transactional
    List<PermissionOut> assignPermissions(String userId, List<String> permissions) {
        get(userId);
        checkPermissionNames(permissions);
        permissions.forEach(p -> grants.grantToUser(userId, p));
        return grants.grantsOf(userId);
    }

    @Transactional
    List<PermissionOut> revokePermissions(String userId, List<String> permissions) {
        get(userId);
        checkPermissionNames(permissions);
        permissions.forEach(p -> grants.revokeFromUser(userId, p));
        return grants.grantsOf(userId);
    }

    @Transactional
    List<PermissionOut> assignRole(String userId, int roleId) {
        get(userId);
        grants.role(roleId).orElseThrow(() -> new ApiException(ErrorCode.ROLE_NOT_FOUND));
        grants.assignRole(userId, roleId);
        return grants.grantsOf(userId);
    }

    @Transactional
    List<PermissionOut> revokeRole(String userId, int roleId) {
        get(userId);
        grants.role(roleId).orElseThrow(() -> new ApiException(ErrorCode.ROLE_NOT_FOUND));
        grants.revokeRole(userId, roleId);
        return grants.grantsOf(userId);
    }

    @Transactional
    void updateProfile(String userId, UpdateProfileInput in) {
        Map<String, Object> changes = new LinkedHashMap<>();
        put(changes, "first_name", in.firstName());
        put(changes, "last_name", in.lastName());
        put(changes, "birth_date", in.birthDate());
        putKnown(changes, "civility", in.civility(), CIVILITIES);
        put(changes, "country_code", in.countryCode());
        put(changes, "mobile_number", in.mobileNumber());
        put(changes, "fix_number", in.fixNumber());
        put(changes, "two_factor_enabled", in.twoFactorEnabled());
        putKnown(changes, "lang", in.lang(), LANGS);
        users.update(userId, changes);
        events.publishEvent(new UserProfileChanged(userId));
    }

    @Transactional
    void updateAddresses(String userId, UpdateAddressInput in) {
        users.upsertAddress(userId, "primary", in.primaryAddressCountryCode(), in.primaryAddressCity(),
                in.primaryAddressStreet(), in.primaryAddressPostalCode(), in.primaryAddressState());
        users.upsertAddress(userId, "billing", in.billingAddressCountryCode(), in.billingAddressCity(),
                in.billingAddressStreet(), in.billingAddressPostalCode(), in.billingAddressState());
    }

    @Transactional
    void updateWebToken(String userId, String deviceId) {
        users.update(userId, Map.of("web_token", deviceId));
    }

    @Transactional
    void setPicture(String userId, String picture) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("picture", picture);
        users.update(userId, changes);
    }

    String picture(String userId) {
        return get(userId).picture();
    }

    private static boolean isLockedOut(String status) {
        return UserStatus.BLOCKED.value().equals(status) || UserStatus.DELETED.value().equals(status)
                || UserStatus.INACTIVE.value().equals(status);
    }

    private static void checkPermissionNames(List<String> permissions) {
        for (String p : permissions) {
            if (!Permission.isKnown(p)) {
                throw ApiException.validation("body", "permissions", "Unknown permission '" + p + "'");
            }
        }
    }

    /** Null passes (the field was not sent); anything else must be one of {@code allowed}. */
    private static void requireKnown(String field, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw ApiException.validation("body", field, field + " must be one of " + allowed + ", not '" + value + "'");
        }
    }

    private static void putKnown(Map<String, Object> changes, String column, String value, List<String> allowed) {
        requireKnown(column, value, allowed);
        put(changes, column, value);
    }

    private static void put(Map<String, Object> changes, String column, Object value) {
        if (value != null) {
            changes.put(column, value instanceof String s ? s.trim() : value);
        }
    }

}
