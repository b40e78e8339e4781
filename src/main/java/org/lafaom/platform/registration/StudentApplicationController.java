package org.lafaom.platform.registration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import org.lafaom.platform.registration.ApplicationInputs.ApplyInput;
import org.lafaom.platform.registration.ApplicationInputs.StatusInput;
import org.lafaom.platform.registration.ApplicationViews.ApplicationFullOut;
import org.lafaom.platform.registration.ApplicationViews.ApplicationOut;
import org.lafaom.platform.registration.ApplicationViews.AttachmentOut;
import org.lafaom.platform.shared.ApiResponse;
import org.lafaom.platform.shared.CurrentUser;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.PageResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/student-applications}: the public application, and staff review. */
@RestController
@RequestMapping("/api/v1/student-applications")
class StudentApplicationController {

    private final Applying applying;
    private final ApplicationDetails details;
    private final ApplicationReview review;
    private final Attachments attachments;

    StudentApplicationController(Applying applying, ApplicationDetails details, ApplicationReview review, Attachments attachments) {
        this.applying = applying;
        this.details = details;
        this.review = review;
        this.attachments = attachments;
    }

    /** Public: anyone may apply; an unknown address gets an account and a link to set its password. */
    @PostMapping
    ApiResponse<ApplicationFullOut> apply(@Valid @RequestBody ApplyInput input, HttpServletRequest request) {
        return ApiResponse.ok("Student application created successfully", applying.apply(input, request.getRemoteAddr()));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('can_view_student_application')")
    PageResponse<ApplicationOut> list(
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "page_size", required = false) Integer pageSize,
            @RequestParam(required = false) String search,
            @RequestParam(name = "training_id", required = false) String trainingId,
            @RequestParam(name = "training_session_id", required = false) String sessionId,
            @RequestParam(name = "is_paid", required = false) Boolean paid,
            @RequestParam(required = false) String status,
            @RequestParam(name = "order_by", required = false) String orderBy,
            @RequestParam(required = false) String asc) {
        PageRequest request = PageRequest.of(page, pageSize, orderBy, asc, ApplicationDetails.ORDERS, "created_at");
        return details.list(new ApplicationRepository.Filter(null, search, trainingId, sessionId, paid, status), request);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('can_view_student_application')")
    ApiResponse<ApplicationFullOut> get(@PathVariable int id) {
        return ApiResponse.ok("Student application fetched successfully", details.full(id, null));
    }

    /** The old backend let anyone who could view applications decide them; deciding now needs its own permission. */
    @PostMapping("/{id}/status")
    @PreAuthorize("hasAuthority('can_change_student_application_status')")
    ApiResponse<ApplicationFullOut> changeStatus(@PathVariable int id, @Valid @RequestBody StatusInput input) {
        return ApiResponse.ok("Student application status changed successfully", review.changeStatus(id, input.status(), input.reason()));
    }

    /** Called by the admin app (the old backend lacked it). */
    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('can_change_student_application_status')")
    ApiResponse<ApplicationFullOut> delete(@PathVariable int id) {
        return ApiResponse.ok("Student application deleted successfully", review.delete(id));
    }

    @GetMapping("/{id}/attachments")
    @PreAuthorize("hasAuthority('can_view_student_application')")
    ApiResponse<List<AttachmentOut>> attachments(@PathVariable int id, @AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok("Attachments fetched successfully", attachments.list(id, me, null));
    }
}
