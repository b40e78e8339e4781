package org.lafaom.platform.registration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.lafaom.platform.training.CatalogueViews.TrainingOut;
import org.lafaom.platform.training.CatalogueViews.TrainingSessionOut;

/** Response shapes of the application routes (contract: {@code StudentApplicationOut} and friends). */
final class ApplicationViews {

    static final List<String> STATUSES = List.of("RECEIVED", "SUBMITTED", "REFUSED", "APPROVED");

    private ApplicationViews() {}

    /** {@code StudentApplicationOut}: a list row with the training, session and student it is about. */
    record ApplicationOut(
            int id, String userId, String trainingId, String targetSessionId, String applicationNumber, String status,
            String paymentId, String refusalReason, BigDecimal registrationFee, BigDecimal trainingFee, String currency,
            String trainingTitle, LocalDate trainingSessionStartDate, LocalDate trainingSessionEndDate, String userEmail,
            String userFirstName, String userLastName, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}

    /**
     * {@code StudentApplicationFullOut}, plus what the admin app reads besides: the instalment
     * plan, the student's e-mail and names, and the documents.
     */
    record ApplicationFullOut(
            int id, String userId, String trainingId, String targetSessionId, String applicationNumber, String status,
            String refusalReason, BigDecimal registrationFee, BigDecimal trainingFee, String currency,
            List<BigDecimal> installmentPercentage, OffsetDateTime createdAt, OffsetDateTime updatedAt, String paymentId,
            String userEmail, String userFirstName, String userLastName, TrainingOut training, TrainingSessionOut trainingSession,
            List<AttachmentOut> attachments) {}

    /** {@code StudentAttachmentOut}; {@code file_path} is the URL the document is downloaded from. */
    record AttachmentOut(int id, int applicationId, String documentType, String filePath, OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}
}
