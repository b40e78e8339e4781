package org.lafaom.platform.registration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.lafaom.platform.payments.InitiatedPayment;
import org.lafaom.platform.registration.ApplicationInputs.ApplyInput;
import org.lafaom.platform.registration.ApplicationInputs.TrainingFeeInput;
import org.lafaom.platform.registration.ApplicationViews.ApplicationFullOut;
import org.lafaom.platform.registration.ApplicationViews.ApplicationOut;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/my-student-applications}: a signed-in student's own applications. */
@RestController
@RequestMapping("/api/v1/my-student-applications")
@PreAuthorize("isAuthenticated() and !principal.machine")
class MyApplicationController {

    private final ApplicationDetails details;
    private final MyApplications mine;
    private final FeePayments fees;

    MyApplicationController(ApplicationDetails details, MyApplications mine, FeePayments fees) {
        this.details = details;
        this.mine = mine;
        this.fees = fees;
    }

    @GetMapping
    PageResponse<ApplicationOut> list(
            @AuthenticationPrincipal CurrentUser me,
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
        return details.list(new ApplicationRepository.Filter(me.id(), search, trainingId, sessionId, paid, status), request);
    }

    @GetMapping("/{id}")
    ApiResponse<ApplicationFullOut> get(@PathVariable int id, @AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok("Student application fetched successfully", details.full(id, me.id()));
    }

    @PutMapping("/{id}")
    ApiResponse<ApplicationFullOut> update(@PathVariable int id, @Valid @RequestBody ApplyInput input, @AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok("Student application updated successfully", mine.update(id, input, me));
    }

    @DeleteMapping("/{id}")
    ApiResponse<ApplicationFullOut> cancel(@PathVariable int id, @AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok("Student application deleted successfully", mine.cancel(id, me));
    }

    /**
     * The body the public site sends (payment channels) is ignored: the payment step chooses them.
     * Signed-in owners, or the public site right after applying (see {@link ApplicationAccess}).
     */
    @PostMapping("/{id}/submit")
    @PreAuthorize("!isAuthenticated() or !principal.machine")
    ApiResponse<InitiatedPayment> submit(@PathVariable int id, @AuthenticationPrincipal CurrentUser me, HttpServletRequest request) {
        return ApiResponse.ok("Application submitted successfully", mine.submit(id, me, request.getRemoteAddr()));
    }

    @PostMapping("/pay-training-fee")
    ApiResponse<InitiatedPayment> payTrainingFee(@Valid @RequestBody TrainingFeeInput input, @AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok("Application submitted successfully", fees.trainingFee(input, me));
    }
}
