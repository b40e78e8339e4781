package org.lafaom.platform.training;

import jakarta.validation.Valid;
import java.util.List;
import org.lafaom.platform.shared.ApiResponse;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.PageResponse;
import org.lafaom.platform.training.CatalogueInputs.SessionInput;
import org.lafaom.platform.training.CatalogueViews.TrainingSessionOut;
import org.lafaom.platform.users.UserViews.UserSimpleOut;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/training-sessions}. */
@RestController
@RequestMapping("/api/v1/training-sessions")
class TrainingSessionController {

    private final SessionAdministration sessions;

    TrainingSessionController(SessionAdministration sessions) {
        this.sessions = sessions;
    }

    @GetMapping
    PageResponse<TrainingSessionOut> list(
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "page_size", required = false) Integer pageSize,
            @RequestParam(name = "training_id", required = false) String trainingId,
            @RequestParam(name = "center_id", required = false) Integer centerId,
            @RequestParam(required = false) String status,
            @RequestParam(name = "order_by", required = false) String orderBy,
            @RequestParam(required = false) String asc) {
        PageRequest request = PageRequest.of(page, pageSize, orderBy, asc, SessionAdministration.ORDERS, "created_at");
        return sessions.list(new SessionRepository.Filter(trainingId, centerId, status), request);
    }

    @GetMapping("/{id}")
    ApiResponse<TrainingSessionOut> get(@PathVariable String id) {
        return ApiResponse.ok("Training session fetched successfully", sessions.get(id));
    }

    /**
     * The old backend served the participants' accounts (e-mail, phone) to anyone; they are now
     * shown only to staff who may see sessions or applications.
     */
    @GetMapping("/{id}/members")
    @PreAuthorize("hasAnyAuthority('can_view_training_session', 'can_view_student_application')")
    ApiResponse<List<UserSimpleOut>> members(@PathVariable String id) {
        return ApiResponse.ok("Training session members fetched successfully", sessions.members(id));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('can_create_training_session')")
    ApiResponse<TrainingSessionOut> create(@Valid @RequestBody SessionInput input) {
        return ApiResponse.ok("Training session created successfully", sessions.create(input));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('can_update_training_session')")
    ApiResponse<TrainingSessionOut> update(@PathVariable String id, @Valid @RequestBody SessionInput input) {
        return ApiResponse.ok("Training session updated successfully", sessions.update(id, input));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('can_delete_training_session')")
    ApiResponse<TrainingSessionOut> delete(@PathVariable String id) {
        return ApiResponse.ok("Training session deleted successfully", sessions.delete(id));
    }
}
