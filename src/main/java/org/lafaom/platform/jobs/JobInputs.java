package org.lafaom.platform.jobs;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
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
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the job offers area (schemas.md). Unknown fields are ignored. */
final class JobInputs {

    private JobInputs() {}

    static final String CURRENCY = "[A-Za-z]{3}";
    static final int TEXT = 20_000;

    record JobOfferCreateInput(
            @NotBlank @Size(max = 100) String reference,
            @NotBlank @Size(max = 255) String title,
            @NotBlank @Size(max = 255) String location,
            @NotBlank @Size(max = 20) String postalCode,
            @NotBlank @Size(max = 100) String contractType,
            Boolean uncertainTerm,
            LocalDate startDate,
            LocalDate endDate,
            @Min(0) @Max(168) Integer weeklyHours,
            Boolean drivingLicenseRequired,
            @NotNull LocalDate submissionDeadline,
            @Size(max = TEXT) String mainMission,
            @Size(max = TEXT) String responsibilities,
            @Size(max = TEXT) String competencies,
            @Size(max = TEXT) String profile,
            @DecimalMin("0") Double salary,
            @Size(max = TEXT) String benefits,
            @NotNull @DecimalMin(value = "0", message = "must be greater than or equal to 0") @Digits(integer = 10, fraction = 2)
                    BigDecimal submissionFee,
            @Pattern(regexp = CURRENCY, message = "must be a 3-letter ISO 4217 code") String currency,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> attachment,
            @Size(max = TEXT) String conditions) {

        @AssertTrue(message = "end_date must not be before start_date")
        boolean isDatesOrdered() {
            return startDate == null || endDate == null || !endDate.isBefore(startDate);
        }
    }

    record JobOfferUpdateInput(
            @Size(min = 1, max = 100) String reference,
            @Size(min = 1, max = 255) String title,
            @Size(min = 1, max = 255) String location,
            @Size(min = 1, max = 20) String postalCode,
            @Size(min = 1, max = 100) String contractType,
            Boolean uncertainTerm,
            LocalDate startDate,
            LocalDate endDate,
            @Min(0) @Max(168) Integer weeklyHours,
            Boolean drivingLicenseRequired,
            LocalDate submissionDeadline,
            @Size(max = TEXT) String mainMission,
            @Size(max = TEXT) String responsibilities,
            @Size(max = TEXT) String competencies,
            @Size(max = TEXT) String profile,
            @DecimalMin("0") Double salary,
            @Size(max = TEXT) String benefits,
            @DecimalMin(value = "0", message = "must be greater than or equal to 0") @Digits(integer = 10, fraction = 2)
                    BigDecimal submissionFee,
            @Pattern(regexp = CURRENCY, message = "must be a 3-letter ISO 4217 code") String currency,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> attachment,
            @Size(max = TEXT) String conditions) {

        @AssertTrue(message = "end_date must not be before start_date")
        boolean isDatesOrdered() {
            return startDate == null || endDate == null || !endDate.isBefore(startDate);
        }
    }

    /** One document of an application: {@code url} is the {@code file_path} that {@code POST /job-attachments} answered. */
    record AttachmentRef(@NotBlank @Size(max = 255) String name, @NotBlank @Size(max = 100) String type,
            @NotBlank @Size(max = 1000) String url) {}

    record JobApplicationCreateInput(
            @NotBlank @Size(max = 64) String jobOfferId,
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(max = 50) String phoneNumber,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @Size(max = 20) String civility,
            @Size(max = 3) String countryCode,
            @Size(max = 100) String city,
            @Size(max = 255) String address,
            LocalDate dateOfBirth,
            @Size(max = 20) List<@Valid @NotNull AttachmentRef> attachments) {}

    record ChangeStatusInput(@NotNull Integer applicationId, @NotBlank String status, @Size(max = 2000) String reason) {}

    record OtpRequestInput(@NotBlank @Size(max = 100) String applicationNumber, @NotBlank @Email @Size(max = 320) String email) {}

    record CandidateUpdateInput(
            @NotBlank @Size(max = 100) String applicationNumber,
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(max = 20) String otpCode,
            @Size(max = 20) List<@Valid @NotNull AttachmentRef> attachments,
            @Size(min = 1, max = 50) String phoneNumber,
            @Size(min = 1, max = 100) String firstName,
            @Size(min = 1, max = 100) String lastName,
            @Size(max = 20) String civility,
            @Size(max = 100) String city,
            @Size(max = 255) String address,
            @Size(max = 3) String countryCode,
            LocalDate dateOfBirth) {}
}
