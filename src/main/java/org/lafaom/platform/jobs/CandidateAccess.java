package org.lafaom.platform.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lafaom.platform.jobs.JobInputs.AttachmentRef;
import org.lafaom.platform.jobs.JobInputs.CandidateUpdateInput;
import org.lafaom.platform.jobs.JobViews.JobApplicationOut;
import org.lafaom.platform.jobs.JobViews.JobAttachmentOut;
import org.lafaom.platform.notifications.MailQueue;
import org.lafaom.platform.notifications.MailTemplate;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a candidate, who has no account, may do with their application: ask for a code by e-mail,
 * then use it once to change their details and documents. The request answers the same whether or
 * not the application number and e-mail match, and both steps are rate-limited.
 */
@Service
class CandidateAccess {

    private final JobApplicationRepository applications;
    private final JobApplications jobApplications;
    private final JobAttachmentRepository attachmentRows;
    private final JobAttachments attachments;
    private final CandidateCodes codes;
    private final RequestLimits limits;
    private final JobsProperties properties;
    private final MailQueue mail;

    CandidateAccess(JobApplicationRepository applications, JobApplications jobApplications, JobAttachmentRepository attachmentRows,
            JobAttachments attachments, CandidateCodes codes, RequestLimits limits, JobsProperties properties, MailQueue mail) {
        this.applications = applications;
        this.jobApplications = jobApplications;
        this.attachmentRows = attachmentRows;
        this.attachments = attachments;
        this.codes = codes;
        this.limits = limits;
        this.properties = properties;
        this.mail = mail;
    }

    /** Sends a new code when the pair matches a live application; silently does nothing otherwise. */
    @Transactional
    void requestCode(String applicationNumber, String email, String clientAddress) {
        JobsProperties.Limits l = properties.limits();
        limits.hit("otp-address:" + clientAddress, l.otpPerAddress(), l.window());
        limits.hit("otp-application:" + applicationNumber.trim().toLowerCase(Locale.ROOT) + ":" + email.trim().toLowerCase(Locale.ROOT),
                l.otpPerApplication(), l.window());
        Optional<JobApplicationOut> application = applications.findByNumberAndEmail(applicationNumber, email);
        if (application.isEmpty()) {
            return;
        }
        int id = application.get().id();
        String code = codes.issue(id, email);
        applications.candidate(id).ifPresent(c -> mail.enqueue("job-application-" + id + "-code-" + Tokens.sha256(code).substring(0, 12),
                c.email(), MailTemplate.JOB_APPLICATION_OTP, c.lang(), Map.of("candidate_name", c.name(), "code", code,
                        "minutes", codes.minutesValid(), "application_number", c.applicationNumber())));
    }

    /**
     * Checks and uses up the code, then applies the changes, in one transaction: if a change is
     * refused the code stays usable. A wrong code is counted (that commit is why the transaction
     * does not roll back on {@link CandidateCodes.WrongCode}) and answers like an unknown application.
     */
    @Transactional(noRollbackFor = CandidateCodes.WrongCode.class)
    JobApplicationOut update(CandidateUpdateInput in, String clientAddress) {
        limits.hit("candidate-update-address:" + clientAddress, properties.limits().candidateUpdatesPerAddress(),
                properties.limits().window());
        JobApplicationOut application = applications.findByNumberAndEmail(in.applicationNumber(), in.email())
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_OTP_OR_APPLICATION_NOT_FOUND));
        int id = application.id();
        codes.consume(id, in.otpCode());

        Map<String, Object> changes = new LinkedHashMap<>();
        putIf(changes, "phone_number", in.phoneNumber());
        putIf(changes, "first_name", in.firstName());
        putIf(changes, "last_name", in.lastName());
        putIf(changes, "civility", in.civility());
        putIf(changes, "city", in.city());
        putIf(changes, "address", in.address());
        putIf(changes, "country_code", in.countryCode() == null ? null : in.countryCode().toUpperCase(Locale.ROOT));
        if (in.dateOfBirth() != null) {
            changes.put("date_of_birth", in.dateOfBirth());
        }
        applications.updateByCandidate(id, changes);

        List<AttachmentRef> documents = in.attachments() == null ? List.of() : in.attachments();
        JobApplications.requireDistinctUrls(documents);
        for (AttachmentRef ref : documents) {
            JobAttachmentOut row = jobApplications.claimable(ref, id);
            if (row.applicationId() != null) {
                continue; // already one of this application's documents
            }
            // A new document replaces the application's document of the same type.
            for (JobAttachmentOut old : attachmentRows.ofApplication(id)) {
                if (old.documentType().equals(ref.type().trim())) {
                    attachmentRows.delete(old.id());
                    attachments.deleteFileAfterCommit(old.filePath());
                }
            }
            attachmentRows.attach(row.id(), id, ref.type().trim(), ref.name().trim());
        }
        return jobApplications.get(id).withAttachments(attachments.ofApplicationWithLinks(id));
    }

    private static void putIf(Map<String, Object> changes, String column, String value) {
        if (value != null && !value.isBlank()) {
            changes.put(column, value.trim());
        }
    }
}
