package org.lafaom.platform.jobs;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lafaom.platform.jobs.JobInputs.AttachmentRef;
import org.lafaom.platform.jobs.JobInputs.JobApplicationCreateInput;
import org.lafaom.platform.jobs.JobViews.JobApplicationOut;
import org.lafaom.platform.jobs.JobViews.JobAttachmentOut;
import org.lafaom.platform.jobs.JobViews.JobOfferOut;
import org.lafaom.platform.jobs.JobViews.PaymentJobApplicationOut;
import org.lafaom.platform.notifications.MailQueue;
import org.lafaom.platform.notifications.MailTemplate;
import org.lafaom.platform.payments.InitiatedPayment;
import org.lafaom.platform.payments.PayableType;
import org.lafaom.platform.payments.PaymentRequest;
import org.lafaom.platform.payments.Payments;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.PageResponse;
import org.lafaom.platform.shared.SqlWhere;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Candidates' applications: the public application (documents claimed, fee paid through
 * {@link Payments} in the same transaction, so a failed payment leaves no application), staff
 * reads with filters that mean what they say, and status decisions e-mailed to the candidate.
 */
@Service
@Transactional(readOnly = true)
class JobApplications {

    static final Set<String> ORDERS = Set.of("created_at", "application_number", "status");
    static final Set<String> STATUSES = Set.of("RECEIVED", "REFUSED", "APPROVED");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    record Filter(String search, String status, String jobOfferId, Boolean isPaid) {}

    private final JobApplicationRepository applications;
    private final JobAttachmentRepository attachmentRows;
    private final JobAttachments attachments;
    private final JobOffers offers;
    private final Payments payments;
    private final MailQueue mail;
    private final Clock clock;

    JobApplications(JobApplicationRepository applications, JobAttachmentRepository attachmentRows, JobAttachments attachments,
            JobOffers offers, Payments payments, MailQueue mail, Clock clock) {
        this.applications = applications;
        this.attachmentRows = attachmentRows;
        this.attachments = attachments;
        this.offers = offers;
        this.payments = payments;
        this.mail = mail;
        this.clock = clock;
    }

    @Transactional
    PaymentJobApplicationOut apply(JobApplicationCreateInput in, String lang) {
        JobOfferOut offer = offers.get(in.jobOfferId().trim());
        if (offer.submissionDeadline().isBefore(LocalDate.now(clock))) {
            throw new ApiException(ErrorCode.JOB_OFFER_CLOSED);
        }
        List<AttachmentRef> documents = in.attachments() == null ? List.of() : in.attachments();
        if (offer.attachment() != null) {
            Set<String> given = new HashSet<>();
            documents.forEach(d -> given.add(d.type().trim()));
            for (String required : offer.attachment()) {
                if (!given.contains(required)) {
                    throw new ApiException(ErrorCode.JOB_ATTACHMENT_REQUIRED, "Job attachment '" + required + "' is required");
                }
            }
        }
        requireDistinctUrls(documents);
        List<JobAttachmentOut> claimed = documents.stream().map(d -> claimable(d, null)).toList();

        BigDecimal fee = offer.submissionFee() == null ? BigDecimal.ZERO : offer.submissionFee();
        int id = insert(offer, in, fee, lang);
        for (int i = 0; i < documents.size(); i++) {
            attachmentRows.attach(claimed.get(i).id(), id, documents.get(i).type().trim(), documents.get(i).name().trim());
        }
        InitiatedPayment payment = null;
        if (fee.signum() > 0) {
            payment = payments.initiate(new PaymentRequest(PayableType.JOB_APPLICATION, String.valueOf(id), fee, offer.currency(),
                    "Payment for job application fee of " + offer.title(),
                    new PaymentRequest.Customer(null, in.lastName().trim(), in.firstName().trim(), in.email().trim(),
                            in.phoneNumber().trim(), in.address(), in.city(), in.countryCode(), null, null),
                    lang));
        } else {
            // Nothing to pay: the application is complete now.
            sendConfirmation(id);
        }
        return new PaymentJobApplicationOut(get(id), payment);
    }

    /**
     * The live upload at the reference's url that is free (or already this application's): the
     * only documents an application may claim. Creating rows from any url would let someone attach,
     * then download through their own application, another candidate's file.
     */
    JobAttachmentOut claimable(AttachmentRef ref, Integer applicationId) {
        Optional<JobAttachmentOut> row = attachmentRows.lockByPath(ref.url().trim());
        if (row.isEmpty() || row.get().applicationId() != null && !row.get().applicationId().equals(applicationId)) {
            throw new ApiException(ErrorCode.JOB_ATTACHMENT_NOT_FOUND,
                    ErrorCode.JOB_ATTACHMENT_NOT_FOUND.message() + " (" + ref.type() + ": " + ref.url() + ")");
        }
        return row.get();
    }

    static void requireDistinctUrls(List<AttachmentRef> documents) {
        Set<String> urls = new HashSet<>();
        for (AttachmentRef d : documents) {
            if (!urls.add(d.url().trim())) {
                throw new ApiException(ErrorCode.JOB_ATTACHMENT_NOT_FOUND,
                        ErrorCode.JOB_ATTACHMENT_NOT_FOUND.message() + " (" + d.url() + " is given twice)");
            }
        }
    }

    private int insert(JobOfferOut offer, JobApplicationCreateInput in, BigDecimal fee, String lang) {
        String reference = offer.reference();
        long sequence = applications.countForOffer(offer.id()) + 1;
        String stamp = java.time.LocalDateTime.now(clock).format(STAMP);
        // Two applications to one offer in the same second would share a number: take the next one.
        for (int attempt = 0; attempt < 50; attempt++, sequence++) {
            String number = "APP-" + reference + "-" + String.format("%04d", sequence) + "-" + stamp;
            Optional<Integer> id = applications.insert(new JobApplicationRepository.NewApplication(offer.id(), number, fee,
                    offer.currency(), in.email().trim(), in.phoneNumber().trim(), in.firstName().trim(), in.lastName().trim(),
                    blankToNull(in.civility()), blankToNull(in.city()), blankToNull(in.address()),
                    blankToNull(in.countryCode()) == null ? null : in.countryCode().trim().toUpperCase(Locale.ROOT),
                    in.dateOfBirth(), lang));
            if (id.isPresent()) {
                return id.get();
            }
        }
        throw new IllegalStateException("no free application number for offer " + offer.id());
    }

    JobApplicationOut get(int id) {
        return applications.find(id).orElseThrow(() -> new ApiException(ErrorCode.JOB_APPLICATION_NOT_FOUND));
    }

    JobApplicationOut getWithAttachments(int id) {
        return get(id).withAttachments(attachments.ofApplication(id));
    }

    PageResponse<JobApplicationOut> list(Filter filter, PageRequest page) {
        SqlWhere where = SqlWhere.of("a.delete_at IS NULL")
                .search(filter.search(), "a.first_name", "a.last_name", "a.email", "o.title", "o.reference", "a.application_number")
                .and("a.status = CAST(? AS applicationstatusenum)",
                        filter.status() == null || filter.status().isBlank() ? null : status(filter.status(), "query"))
                .and("a.job_offer_id = ?", filter.jobOfferId() == null ? null : filter.jobOfferId().trim())
                .andIf(Boolean.TRUE.equals(filter.isPaid()), JobApplicationRepository.PAID)
                .andIf(Boolean.FALSE.equals(filter.isPaid()), "NOT " + JobApplicationRepository.PAID);
        return PageResponse.of(applications.list(where, page), page, applications.count(where));
    }

    /**
     * Staff decision. Unpaid applications cannot change status (the contract's rule); a change to
     * APPROVED or REFUSED is e-mailed to the candidate in their language, once per change.
     */
    @Transactional
    JobApplicationOut changeStatus(int id, String requested, String reason) {
        String status = status(requested, "body");
        JobApplicationOut application = get(id);
        if (!application.isPaid()) {
            throw new ApiException(ErrorCode.CANNOT_APPROVE_UNPAID_APPLICATION);
        }
        String cleanReason = blankToNull(reason);
        applications.setStatus(id, status, cleanReason);
        if (!status.equals(application.status()) && !status.equals("RECEIVED")) {
            applications.candidate(id).ifPresent(c -> mail.enqueue(
                    "job-application-" + id + "-" + status.toLowerCase(Locale.ROOT) + "-" + clock.millis(), c.email(),
                    status.equals("APPROVED") ? MailTemplate.JOB_APPLICATION_APPROVED : MailTemplate.JOB_APPLICATION_REFUSED,
                    c.lang(), Map.of("candidate_name", c.name(), "application_number", c.applicationNumber(),
                            "job_title", c.jobTitle(), "reason", cleanReason == null
                                    ? ("en".equals(c.lang()) ? "not given" : "non précisé") : cleanReason)));
        }
        return get(id);
    }

    @Transactional
    JobApplicationOut delete(int id) {
        JobApplicationOut application = get(id);
        applications.softDelete(id);
        return application;
    }

    /** The candidate's e-mail saying the application is complete (received, and paid when there was a fee). */
    void sendConfirmation(int id) {
        applications.candidate(id).ifPresent(c -> mail.enqueue("job-application-" + id + "-confirmation", c.email(),
                MailTemplate.JOB_APPLICATION_CONFIRMATION, c.lang(), Map.of("candidate_name", c.name(),
                        "application_number", c.applicationNumber(), "job_title", c.jobTitle())));
    }

    private static String status(String value, String location) {
        String upper = value.trim().toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(upper)) {
            throw ApiException.validation(location, "status", "status must be one of APPROVED, RECEIVED, REFUSED");
        }
        return upper;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
