package org.lafaom.platform.registration;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Request bodies of the application routes; clients send extra fields (civility, city...), which are ignored. */
final class ApplicationInputs {

    private ApplicationInputs() {}

    /** {@code StudentApplicationCreateInput}; on update only {@code target_session_id} can change. */
    record ApplyInput(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 64) String targetSessionId,
            @Size(max = 100) String firstName,
            @Size(max = 100) String lastName,
            @Size(max = 32) String phoneNumber,
            @Size(max = 8) String countryCode,
            String lang) {}

    /** {@code ChangeStudentApplicationStatusInput}; a refusal needs its reason. */
    record StatusInput(@NotBlank String status, @Size(max = 2000) String reason) {}

    /** {@code PayTrainingFeeInstallmentInput}. */
    record TrainingFeeInput(
            @NotBlank @Size(max = 64) String trainingSessionId,
            @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0") @Digits(integer = 10, fraction = 2)
                    BigDecimal amount) {}
}
