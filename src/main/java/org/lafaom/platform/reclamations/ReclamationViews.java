package org.lafaom.platform.reclamations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** Shapes of the reclamation routes (contract: {@code ReclamationOut}, {@code ReclamationFullOut}, ...). */
final class ReclamationViews {

    static final List<String> STATUSES = List.of("NEW", "IN_PROGRESS", "CLOSED");
    static final List<String> PRIORITIES = List.of("LOW", "MEDIUM", "HIGH");

    private ReclamationViews() {}

    record ReclamationOut(
            int id, String adminId, String reclamationNumber, String applicationNumber, String subject, int reclamationType,
            String priority, String status, String description, OffsetDateTime closureDate, OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    record ReclamationFullOut(
            int id, String adminId, String reclamationNumber, String applicationNumber, String subject, int reclamationType,
            String priority, String status, String description, OffsetDateTime closureDate, OffsetDateTime createdAt,
            OffsetDateTime updatedAt, String adminName, String reclamationTypeName) {}

    record TypeOut(int id, String name, String description, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}

    /** {@code ReclamationCreateInput}, also the body of the student's update. */
    record ReclamationInput(
            @NotBlank @Size(max = 64) String applicationNumber,
            @NotBlank @Size(max = 255) String subject,
            @NotNull Integer reclamationType,
            String priority,
            @NotBlank @Size(max = 10_000) String description) {}

    /** {@code ReclamationAdminUpdateInput} / {@code ReclamationUpdateStatusInput}. */
    record StatusInput(@NotBlank String status, @Size(max = 64) String adminId) {}

    record TypeInput(@Size(min = 1, max = 255) String name, @Size(max = 5000) String description) {}
}
