package org.lafaom.platform.cabinet;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * Request bodies of the cabinet area (schemas.md, limits of the old pydantic models). Unknown
 * fields are ignored; optional free texts sent empty are stored as absent.
 */
final class CabinetInputs {

    private CabinetInputs() {}

    static final int TEXT = 20_000;
    static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
    static final String CURRENCY = "[A-Za-z]{3}";

    /** {@code CabinetApplicationCreate}. */
    record CabinetApplicationCreate(
            @NotBlank @Size(min = 2, max = 255) String companyName,
            @NotBlank @Size(max = 254) @Email(regexp = EMAIL, message = "must be a valid e-mail address") String contactEmail,
            @NotBlank @Size(min = 8, max = 50) String contactPhone,
            @NotBlank @Size(min = 10, max = 1000) String address,
            @NotBlank @Size(min = 5, max = 100) String registrationNumber,
            @NotNull @Min(0) @Max(50) Integer experienceYears,
            @Size(max = TEXT) String qualifications,
            @Size(max = TEXT) String technicalProposal,
            @Size(max = TEXT) String financialProposal,
            @Size(max = TEXT) String references) {}

    /** {@code CabinetApplicationUpdate}: partial; status and payment fields cannot be changed this way. */
    record CabinetApplicationUpdate(
            @Size(min = 2, max = 255) String companyName,
            @Size(min = 8, max = 50) String contactPhone,
            @Size(min = 10, max = 1000) String address,
            @Size(max = TEXT) String qualifications,
            @Size(max = TEXT) String technicalProposal,
            @Size(max = TEXT) String financialProposal,
            @Size(max = TEXT) String references) {}

    /** The admin app sends the reason as a JSON body; the old backend read {@code ?reason=}. Both work. */
    record RejectInput(@Size(max = 2000) String reason) {}

    /** {@code ApplicationFeeCreate}. */
    record ApplicationFeeCreate(
            @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
                    @DecimalMax("1000000000") @Digits(integer = 10, fraction = 2) BigDecimal amount,
            @Pattern(regexp = CURRENCY, message = "must be a 3-letter ISO 4217 code") String currency,
            @NotBlank @Size(min = 10, max = 1000) String description) {}

    /** {@code ApplicationFeeUpdate}: partial. */
    record ApplicationFeeUpdate(
            @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
                    @DecimalMax("1000000000") @Digits(integer = 10, fraction = 2) BigDecimal amount,
            @Pattern(regexp = CURRENCY, message = "must be a 3-letter ISO 4217 code") String currency,
            @Size(min = 10, max = 1000) String description,
            Boolean isActive) {}

    /**
     * {@code CabinetRecruitmentCampaignCreate}. Dates are ISO date-times (an offset is converted to
     * UTC, the column has none) or plain dates; {@code is_active} defaults to true.
     */
    record CampaignCreate(
            @NotBlank @Size(min = 5, max = 255) String title,
            @NotBlank @Size(min = 20, max = TEXT) String description,
            @NotBlank String startDate,
            @NotBlank String endDate,
            @NotBlank @Size(max = 64) String applicationFeeId,
            Boolean isActive) {}

    /** {@code CabinetRecruitmentCampaignUpdate}: partial. */
    record CampaignUpdate(
            @Size(min = 5, max = 255) String title,
            @Size(min = 20, max = TEXT) String description,
            String startDate,
            String endDate,
            @Size(min = 1, max = 64) String applicationFeeId,
            Boolean isActive) {

        @AssertTrue(message = "start_date and end_date must not be empty")
        boolean isDatesPresentWhenGiven() {
            return (startDate == null || !startDate.isBlank()) && (endDate == null || !endDate.isBlank());
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
