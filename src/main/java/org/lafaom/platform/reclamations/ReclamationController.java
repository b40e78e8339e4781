package org.lafaom.platform.reclamations;

import jakarta.validation.Valid;
import org.lafaom.platform.reclamations.ReclamationViews.ReclamationFullOut;
import org.lafaom.platform.reclamations.ReclamationViews.ReclamationInput;
import org.lafaom.platform.reclamations.ReclamationViews.ReclamationOut;
import org.lafaom.platform.reclamations.ReclamationViews.StatusInput;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/my-reclamations} (the student's own) and {@code /api/v1/reclamations} (staff). */
@RestController
class ReclamationController {

    private final Reclamations reclamations;

    ReclamationController(Reclamations reclamations) {
        this.reclamations = reclamations;
    }

    @PostMapping("/api/v1/my-reclamations")
    @PreAuthorize("isAuthenticated() and !principal.machine")
    ApiResponse<ReclamationFullOut> create(@Valid @RequestBody ReclamationInput input, @AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok("Reclamation created successfully", reclamations.create(input, me.id()));
    }

    @GetMapping("/api/v1/my-reclamations")
    @PreAuthorize("isAuthenticated() and !principal.machine")
    PageResponse<ReclamationOut> mine(
            @AuthenticationPrincipal CurrentUser me,
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "page_size", required = false) Integer pageSize,
            @RequestParam(required = false) String search,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String priority,
            @RequestParam(name = "order_by", required = false) String orderBy,
            @RequestParam(required = false) String asc) {
        PageRequest request = PageRequest.of(page, pageSize, orderBy, asc, Reclamations.ORDERS, "created_at", "desc");
        return reclamations.list(new ReclamationRepository.Filter(reclamations.numbersOf(me.id()), search, status, priority,
                null, null, null), request);
    }

    @GetMapping("/api/v1/my-reclamations/{id}")
    @PreAuthorize("isAuthenticated() and !principal.machine")
    ApiResponse<ReclamationFullOut> getMine(@PathVariable int id, @AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok("Reclamation fetched successfully", reclamations.get(id, me.id()));
    }

    @PutMapping("/api/v1/my-reclamations/{id}")
    @PreAuthorize("isAuthenticated() and !principal.machine")
    ApiResponse<ReclamationFullOut> update(@PathVariable int id, @Valid @RequestBody ReclamationInput input,
            @AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok("Reclamation updated successfully", reclamations.update(id, input, me.id()));
    }

    @DeleteMapping("/api/v1/my-reclamations/{id}")
    @PreAuthorize("isAuthenticated() and !principal.machine")
    ApiResponse<ReclamationFullOut> delete(@PathVariable int id, @AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok("Reclamation deleted successfully", reclamations.delete(id, me.id()));
    }

    @GetMapping("/api/v1/reclamations")
    @PreAuthorize("hasAuthority('can_view_reclamation')")
    PageResponse<ReclamationOut> all(
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "page_size", required = false) Integer pageSize,
            @RequestParam(required = false) String search,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String priority,
            @RequestParam(name = "reclamation_type", required = false) Integer type,
            @RequestParam(name = "admin_id", required = false) String adminId,
            @RequestParam(name = "application_number", required = false) String applicationNumber,
            @RequestParam(name = "order_by", required = false) String orderBy,
            @RequestParam(required = false) String asc) {
        PageRequest request = PageRequest.of(page, pageSize, orderBy, asc, Reclamations.ORDERS, "created_at", "desc");
        return reclamations.list(new ReclamationRepository.Filter(null, search, status, priority, type, adminId, applicationNumber),
                request);
    }

    @GetMapping("/api/v1/reclamations/{id}")
    @PreAuthorize("hasAuthority('can_view_reclamation')")
    ApiResponse<ReclamationFullOut> get(@PathVariable int id) {
        return ApiResponse.ok("Reclamation fetched successfully", reclamations.get(id, null));
    }

    @PutMapping("/api/v1/reclamations/{id}/status")
    @PreAuthorize("hasAuthority('can_change_reclamation_status')")
    ApiResponse<ReclamationFullOut> changeStatus(@PathVariable int id, @Valid @RequestBody StatusInput input,
            @AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok("Reclamation status updated successfully",
                reclamations.changeStatus(id, input.status(), input.adminId(), me.id()));
    }
}
