package org.lafaom.platform.jobs;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Map;
import org.lafaom.platform.jobs.JobInputs.CandidateUpdateInput;
import org.lafaom.platform.jobs.JobInputs.ChangeStatusInput;
import org.lafaom.platform.jobs.JobInputs.JobApplicationCreateInput;
import org.lafaom.platform.jobs.JobInputs.OtpRequestInput;
import org.lafaom.platform.jobs.JobViews.JobApplicationOut;
import org.lafaom.platform.jobs.JobViews.PaymentJobApplicationOut;
import org.lafaom.platform.shared.ApiResponse;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.PageResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Job applications ({@code /api/v1/job-applications}): the public application and code routes, and staff routes. */
@RestController
@RequestMapping("/api/v1/job-applications")
class JobApplicationController {

    private final JobApplications applications;
    private final CandidateAccess candidates;
    private final RequestLimits limits;
    private final JobsProperties properties;

    JobApplicationController(JobApplications applications, CandidateAccess candidates, RequestLimits limits,
            JobsProperties properties) {
        this.applications = applications;
        this.candidates = candidates;
        this.limits = limits;
        this.properties = properties;
    }

    /** {@code is_paid}: true = paid (or free), false = unpaid, absent = all; the total counts the same rows. */
    @GetMapping
    @PreAuthorize("hasAuthority('can_view_job_application')")
    PageResponse<JobApplicationOut> list(
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "page_size", required = false) Integer pageSize,
            @RequestParam(required = false) String search,
            @RequestParam(required = false) String status,
            @RequestParam(name = "job_offer_id", required = false) String jobOfferId,
            @RequestParam(name = "is_paid", required = false) Boolean isPaid,
            @RequestParam(name = "order_by", required = false) String orderBy,
            @RequestParam(required = false) String asc) {
        PageRequest request = PageRequest.of(page, pageSize, orderBy, asc, JobApplications.ORDERS, "created_at");
        return applications.list(new JobApplications.Filter(search, status, jobOfferId, isPaid), request);
    }

    @PostMapping
    ApiResponse<PaymentJobApplicationOut> apply(@Valid @RequestBody JobApplicationCreateInput input,
            @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage, HttpServletRequest request) {
        limits.hit("application-address:" + request.getRemoteAddr(), properties.limits().applicationsPerAddress(),
                properties.limits().window());
        return ApiResponse.ok("Job application created successfully", applications.apply(input, language(acceptLanguage)));
    }

    @GetMapping("/{applicationId}")
    @PreAuthorize("hasAuthority('can_view_job_application')")
    ApiResponse<JobApplicationOut> get(@PathVariable int applicationId) {
        return ApiResponse.ok("Job application fetched successfully", applications.getWithAttachments(applicationId));
    }

    /** Message kept as the old backend wrote it. */
    @PostMapping("/change-status")
    @PreAuthorize("hasAuthority('can_change_job_application_status')")
    ApiResponse<JobApplicationOut> changeStatus(@Valid @RequestBody ChangeStatusInput input) {
        return ApiResponse.ok("Job application fetched successfully",
                applications.changeStatus(input.applicationId(), input.status(), input.reason()));
    }

    /** Called by the admin app, absent from the old backend: a soft delete behind its own permission. */
    @DeleteMapping("/{applicationId}")
    @PreAuthorize("hasAuthority('can_delete_job_application')")
    ApiResponse<JobApplicationOut> delete(@PathVariable int applicationId) {
        return ApiResponse.ok("Job application deleted successfully", applications.delete(applicationId));
    }

    /** Same answer whether or not the pair exists; {@code data} is an empty object as before. */
    @PostMapping("/request-otp")
    ApiResponse<Map<String, Object>> requestOtp(@Valid @RequestBody OtpRequestInput input, HttpServletRequest request) {
        candidates.requestCode(input.applicationNumber(), input.email(), request.getRemoteAddr());
        return ApiResponse.ok("OTP code sent to your email address", Map.of());
    }

    /** The answer lists the application's documents with short-lived download links: the candidate's way to read them. */
    @PutMapping("/update-by-candidate")
    ApiResponse<JobApplicationOut> updateByCandidate(@Valid @RequestBody CandidateUpdateInput input, HttpServletRequest request) {
        return ApiResponse.ok("Application updated successfully", candidates.update(input, request.getRemoteAddr()));
    }

    static String language(String acceptLanguage) {
        return acceptLanguage != null && acceptLanguage.trim().toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "fr";
    }
}
