package org.lafaom.platform.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.lafaom.platform.payments.InitiatedPayment;

/** Response shapes of the contract's job offers area (schemas.md), field for field. */
final class JobViews {

    private JobViews() {}

    record JobOfferOut(
            String id, String reference, String title, String location, String postalCode, String contractType,
            boolean uncertainTerm, LocalDate startDate, LocalDate endDate, Integer weeklyHours, boolean drivingLicenseRequired,
            LocalDate submissionDeadline, String mainMission, String responsibilities, String competencies, String profile,
            Double salary, String benefits, BigDecimal submissionFee, String currency, List<String> attachment,
            String conditions, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}

    /**
     * {@code JobApplicationOut}; {@code is_paid} (paid, or nothing to pay) and, on single reads,
     * {@code attachments} are additions.
     */
    record JobApplicationOut(
            int id, String jobOfferId, String applicationNumber, String status, String refusalReason, BigDecimal submissionFee,
            String currency, String paymentId, boolean isPaid, String email, String phoneNumber, String firstName,
            String lastName, String civility, String countryCode, String city, String address, LocalDate dateOfBirth,
            OffsetDateTime createdAt, OffsetDateTime updatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<JobAttachmentOut> attachments) {

        JobApplicationOut withAttachments(List<JobAttachmentOut> list) {
            return new JobApplicationOut(id, jobOfferId, applicationNumber, status, refusalReason, submissionFee, currency,
                    paymentId, isPaid, email, phoneNumber, firstName, lastName, civility, countryCode, city, address,
                    dateOfBirth, createdAt, updatedAt, list);
        }
    }

    /** {@code JobAttachmentOut}; {@code download_url} (a short-lived link) is an addition. */
    record JobAttachmentOut(
            int id, Integer applicationId, String documentType, String filePath, String name, OffsetDateTime createdAt,
            OffsetDateTime updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) String downloadUrl) {

        JobAttachmentOut withDownloadUrl(String url) {
            return new JobAttachmentOut(id, applicationId, documentType, filePath, name, createdAt, updatedAt, url);
        }
    }

    /** The answer to a new application: the application and where to pay (null when there is nothing to pay). */
    record PaymentJobApplicationOut(JobApplicationOut jobApplication, InitiatedPayment payment) {}

    record DownloadLink(String downloadUrl, OffsetDateTime expiresAt) {}
}
