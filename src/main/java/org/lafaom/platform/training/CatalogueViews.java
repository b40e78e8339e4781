package org.lafaom.platform.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Response shapes of the catalogue (contract: {@code SpecialtyOut}, {@code TrainingOut}, {@code TrainingSessionOut}). */
public final class CatalogueViews {

    private CatalogueViews() {}

    public record SpecialtyOut(int id, String name, String description, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}

    public record Benefit(String image, String content, String url) {}

    public record Strength(String image, String content) {}

    public record TrainingOut(
            String id, String title, String status, int duration, String durationUnit, int specialtyId, String infoSheet,
            String trainingType, String presentation, List<Benefit> benefits, List<Strength> strengths, String targetSkills,
            String program, String targetAudience, String prerequisites, String enrollment, OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    /**
     * {@code TrainingSessionOut}, plus the session's {@code required_attachments} and
     * {@code installment_percentage}, which clients need to prepare an application.
     */
    public record TrainingSessionOut(
            String id, String trainingId, Integer centerId, LocalDate startDate, LocalDate endDate, LocalDate registrationDeadline,
            Integer availableSlots, String status, BigDecimal registrationFee, BigDecimal trainingFee, String currency,
            List<String> requiredAttachments, List<BigDecimal> installmentPercentage, Integer moodleCourseId,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
}
