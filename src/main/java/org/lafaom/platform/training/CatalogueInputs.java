package org.lafaom.platform.training;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the catalogue routes, checked at the edge; unknown fields are ignored. */
final class CatalogueInputs {

    static final List<String> TRAINING_STATUSES = List.of("ACTIVE", "INACTIVE");
    static final List<String> DURATION_UNITS = List.of("MONTHS", "YEARS", "DAYS", "HOURS");
    static final List<String> TRAINING_TYPES = List.of("On-Site", "Off-Site");
    static final List<String> SESSION_STATUSES = List.of("OPEN_FOR_REGISTRATION", "CLOSE_FOR_REGISTRATION", "ONGOING", "COMPLETED");

    private CatalogueInputs() {}

    record SpecialtyInput(@NotBlank @Size(max = 255) String name, @Size(max = 5000) String description) {}

    record BenefitInput(@Size(max = 2000) String image, @Size(max = 5000) String content, @Size(max = 2000) String url) {}

    record StrengthInput(@Size(max = 2000) String image, @Size(max = 5000) String content) {}

    /** {@code TrainingCreateInput}; on update every field is optional ({@code TrainingUpdateInput}). */
    record TrainingInput(
            @Size(min = 1, max = 255) String title,
            String status,
            @Min(0) @Max(100_000) Integer duration,
            String durationUnit,
            Integer specialtyId,
            @Size(max = 255) String infoSheet,
            String trainingType,
            @Size(max = 100_000) String presentation,
            @Size(max = 50) List<@Valid BenefitInput> benefits,
            @Size(max = 50) List<@Valid StrengthInput> strengths,
            @Size(max = 100_000) String targetSkills,
            @Size(max = 100_000) String program,
            @Size(max = 100_000) String targetAudience,
            @Size(max = 100_000) String prerequisites,
            @Size(max = 100_000) String enrollment) {}

    /** {@code TrainingSessionCreateInput} / {@code TrainingSessionUpdateInput}, plus documents and instalments. */
    record SessionInput(
            @Size(max = 64) String trainingId,
            Integer centerId,
            LocalDate startDate,
            LocalDate endDate,
            LocalDate registrationDeadline,
            @Min(value = 0, message = "must not be negative") @Max(1_000_000) Integer availableSlots,
            String status,
            @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 10, fraction = 2) BigDecimal registrationFee,
            @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 10, fraction = 2) BigDecimal trainingFee,
            @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code") String currency,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> requiredAttachments,
            @Size(max = 12) List<@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal> installmentPercentage) {}
}
