package org.lafaom.platform.cabinet;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

/** Response shapes of the cabinet area (schemas.md), bare bodies as the web clients read them. */
final class CabinetViews {

    private CabinetViews() {}

    /**
     * {@code CabinetApplicationOut}, field for field; statuses in lower case. {@code payment_url} is
     * the CinetPay link at creation (and, for the applicant, while a payment is open).
     * {@code rejection_reason} and {@code campaign_id} are additions; {@code application_token} (the
     * applicant's proof for the public routes) appears only in the answer that created it.
     */
    record CabinetApplicationOut(
            String companyName, String contactEmail, String contactPhone, String address, String registrationNumber,
            int experienceYears, String qualifications, String technicalProposal, String financialProposal, String references,
            String id, String status, String paymentStatus, String paymentReference, BigDecimal paymentAmount,
            String paymentCurrency, OffsetDateTime paymentDate, boolean accountCreated, boolean credentialsSent,
            OffsetDateTime createdAt, OffsetDateTime updatedAt, String paymentUrl, String rejectionReason, String campaignId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String applicationToken) {

        CabinetApplicationOut withPayment(String url) {
            return new CabinetApplicationOut(companyName, contactEmail, contactPhone, address, registrationNumber, experienceYears,
                    qualifications, technicalProposal, financialProposal, references, id, status, paymentStatus, paymentReference,
                    paymentAmount, paymentCurrency, paymentDate, accountCreated, credentialsSent, createdAt, updatedAt, url,
                    rejectionReason, campaignId, applicationToken);
        }

        CabinetApplicationOut withToken(String token) {
            return new CabinetApplicationOut(companyName, contactEmail, contactPhone, address, registrationNumber, experienceYears,
                    qualifications, technicalProposal, financialProposal, references, id, status, paymentStatus, paymentReference,
                    paymentAmount, paymentCurrency, paymentDate, accountCreated, credentialsSent, createdAt, updatedAt, paymentUrl,
                    rejectionReason, campaignId, token);
        }
    }

    /** The payment-status answer (B5); {@code payment_url} (the open payment's link) is an addition. */
    record PaymentStatusOut(
            String applicationId, String paymentStatus, String paymentReference, BigDecimal paymentAmount, String paymentCurrency,
            OffsetDateTime paymentDate, String status, String paymentUrl) {}

    /**
     * {@code CabinetApplicationStats}. {@code total_revenue} is in {@code currency} (the old answer
     * assumed every fee was in EUR); {@code revenue_by_currency} (an addition) splits paid fees by currency.
     */
    record CabinetApplicationStats(
            long totalApplications, long pendingApplications, long paidApplications, long approvedApplications,
            long rejectedApplications, BigDecimal totalRevenue, String currency, Map<String, BigDecimal> revenueByCurrency) {}

    /** {@code ApplicationFeeOut}. */
    record ApplicationFeeOut(
            BigDecimal amount, String currency, String description, String id, boolean isActive, OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    /** {@code CabinetRecruitmentCampaignOut}, with its fee. Dates are UTC (the columns have no zone). */
    record CampaignOut(
            String title, String description, OffsetDateTime startDate, OffsetDateTime endDate, String applicationFeeId, String id,
            boolean isActive, OffsetDateTime createdAt, OffsetDateTime updatedAt, ApplicationFeeOut applicationFee) {}

    /** A stored document, as listed to the applicant and staff; its file is fetched by id. */
    record DocumentOut(String id, String documentType, String fileName, String mediaType, long sizeBytes, OffsetDateTime createdAt) {}

    /** The upload answer: the old {@code message} and {@code document_type}, plus the stored document. */
    record DocumentUploaded(String message, String documentType, DocumentOut document) {}
}
