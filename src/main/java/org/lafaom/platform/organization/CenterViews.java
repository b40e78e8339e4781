package org.lafaom.platform.organization;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** Request and response shapes of {@code /system/organization-centers} (contract: system schemas). */
final class CenterViews {

    static final List<String> STATUSES = List.of("active", "inactive", "suspended", "deleted");
    static final List<String> TYPES = List.of("main", "branch", "partner", "affiliate");

    private CenterViews() {}

    /** {@code OrganizationCenterOut}. */
    record CenterOut(
            int id, String name, String address, String city, String postalCode, String countryCode, String telephoneNumber,
            String mobileNumber, String email, String website, Double latitude, Double longitude, String status,
            String organizationType, String description, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}

    /**
     * {@code CreateOrganizationCenterInput} and {@code UpdateOrganizationCenterInput}: the update
     * replaces every field, so both share one shape; the defaults differ only for status and type.
     */
    record CenterInput(
            @NotBlank @Size(max = 255) String name,
            @Size(max = 255) String address,
            @Size(max = 100) String city,
            @Size(max = 20) String postalCode,
            @Size(max = 8) String countryCode,
            @Size(max = 32) String telephoneNumber,
            @Size(max = 32) String mobileNumber,
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 255) String website,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude,
            String status,
            String organizationType,
            @Size(max = 5000) String description) {}

    record StatusInput(@NotBlank String status) {}

    record IdsInput(@NotNull @Size(max = 500) List<@NotNull Integer> organizationCenterIds) {}
}
