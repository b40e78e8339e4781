package org.lafaom.platform.users;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Response shapes of the contract's user schemas (field names become snake_case on the wire). */
public final class UserViews {

    private UserViews() {}

    /** {@code UserSimpleOut}. */
    public record UserSimpleOut(
            String id,
            String firstName,
            String lastName,
            LocalDate birthDate,
            String civility,
            String countryCode,
            String mobileNumber,
            String fixNumber,
            String email,
            String picture,
            String status,
            String lang,
            String webToken,
            OffsetDateTime lastLogin,
            String userType,
            boolean twoFactorEnabled,
            OffsetDateTime createdAt) {}

    /** {@code UserFullOut}: the simple user plus profession, addresses and curriculum. */
    public record UserFullOut(
            String id,
            String firstName,
            String lastName,
            LocalDate birthDate,
            String civility,
            String countryCode,
            String mobileNumber,
            String fixNumber,
            String email,
            String picture,
            String status,
            String lang,
            String webToken,
            OffsetDateTime lastLogin,
            String userType,
            boolean twoFactorEnabled,
            OffsetDateTime createdAt,
            ProfessionStatusOut professionsStatus,
            List<AddressOut> addresses,
            SchoolCurriculumOut schoolCurriculum) {}

    public record AddressOut(
            int id, String addressType, String countryCode, String city, String street, String postalCode, String state,
            OffsetDateTime createdAt) {}

    public record ProfessionStatusOut(
            int id,
            String professionalStatus,
            int professionalExperienceInMonths,
            String socioProfessionalCategory,
            String jobPosition,
            String employer,
            OffsetDateTime createdAt) {}

    public record SchoolCurriculumOut(
            int id, String qualification, String lastDegreeObtained, LocalDate dateOfLastDegree, OffsetDateTime createdAt) {}

    public record RoleOut(int id, String name, String description) {}

    /** {@code PermissionOut}: a grant, to a user directly or through a role. */
    public record PermissionOut(String userId, Integer roleId, String permission) {}
}
