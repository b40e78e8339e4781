package org.lafaom.platform.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the user, role and profile routes, validated at the edge. */
final class UserInputs {

    private UserInputs() {}

    record CreateUserInput(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotNull @Size(min = 8, max = 128, message = "must have between 8 and 128 characters") String password,
            LocalDate birthDate,
            @Size(max = 10) String civility,
            @Size(max = 8) String countryCode,
            @Size(max = 32) String mobileNumber,
            @Size(max = 32) String fixNumber,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank String status,
            String lang,
            @Size(max = 512) String webToken,
            @NotBlank String userType,
            Boolean twoFactorEnabled) {}

    record UpdateUserInput(
            @Size(min = 1, max = 100) String firstName,
            @Size(min = 1, max = 100) String lastName,
            String userType,
            @Size(min = 8, max = 128, message = "must have between 8 and 128 characters") String password,
            LocalDate birthDate,
            @Size(max = 10) String civility,
            @Size(max = 8) String countryCode,
            @Size(max = 32) String mobileNumber,
            @Size(max = 32) String fixNumber,
            @Email @Size(max = 254) String email,
            String status,
            String lang,
            @Size(max = 512) String webToken,
            Boolean twoFactorEnabled) {}

    record UpdateStatusInput(@NotBlank String status) {}

    record AssignPermissionsInput(@NotBlank String userId, @NotNull List<@NotBlank String> permissions) {}

    record AssignRoleInput(@NotBlank String userId, @NotNull Integer roleId) {}

    record UserListInput(@NotNull @Size(max = 500) List<@NotBlank String> userIds) {}

    /** Self-service profile: type and status are not the user's to change, so they are ignored. */
    record UpdateProfileInput(
            @Size(min = 1, max = 100) String firstName,
            @Size(min = 1, max = 100) String lastName,
            LocalDate birthDate,
            @Size(max = 10) String civility,
            @Size(max = 8) String countryCode,
            @Size(max = 32) String mobileNumber,
            @Size(max = 32) String fixNumber,
            Boolean twoFactorEnabled,
            String lang) {}

    record UpdateAddressInput(
            @Size(max = 8) String primaryAddressCountryCode,
            @Size(max = 100) String primaryAddressCity,
            @Size(max = 255) String primaryAddressStreet,
            @Size(max = 20) String primaryAddressPostalCode,
            @Size(max = 100) String primaryAddressState,
            @Size(max = 8) String billingAddressCountryCode,
            @Size(max = 100) String billingAddressCity,
            @Size(max = 255) String billingAddressStreet,
            @Size(max = 20) String billingAddressPostalCode,
            @Size(max = 100) String billingAddressState) {}

    record UpdateDeviceInput(@NotBlank @Size(max = 512) String deviceId) {}

    record UpdatePasswordInput(
            @NotNull String password,
            @NotNull @Size(min = 8, max = 128, message = "must have between 8 and 128 characters") String newPassword) {}

}
