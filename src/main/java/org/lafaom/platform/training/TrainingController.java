package org.lafaom.platform.training;

import jakarta.validation.Valid;
import org.lafaom.platform.shared.ApiResponse;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.PageResponse;
import org.lafaom.platform.training.CatalogueInputs.TrainingInput;
import org.lafaom.platform.training.CatalogueViews.TrainingOut;
import org.lafaom.platform.training.CatalogueViews.TrainingSessionOut;
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

/** {@code /api/v1/trainings}: the public catalogue and its staff management. */
@RestController
@RequestMapping("/api/v1/trainings")
class TrainingController {

    private final Trainings trainings;
    private final SessionAdministration sessions;

    TrainingController(Trainings trainings, SessionAdministration sessions) {
        this.trainings = trainings;
        this.sessions = sessions;
    }

    @GetMapping
    PageResponse<TrainingOut> list(
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "page_size", required = false) Integer pageSize,
            @RequestParam(required = false) String search,
            @RequestParam(required = false) String status,
            @RequestParam(name = "specialty_id", required = false) Integer specialtyId,
            @RequestParam(name = "order_by", required = false) String orderBy,
            @RequestParam(required = false) String asc) {
        PageRequest request = PageRequest.of(page, pageSize, orderBy, asc, Trainings.ORDERS, "created_at");
        return trainings.list(new TrainingRepository.Filter(search, status, specialtyId), request);
    }

    @GetMapping("/{id}")
    ApiResponse<TrainingOut> get(@PathVariable String id) {
        return ApiResponse.ok("Training fetched successfully", trainings.get(id));
    }

    @GetMapping("/{id}/sessions")
    PageResponse<TrainingSessionOut> sessions(
            @PathVariable String id,
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "page_size", required = false) Integer pageSize,
            @RequestParam(name = "center_id", required = false) Integer centerId,
            @RequestParam(required = false) String status,
            @RequestParam(name = "order_by", required = false) String orderBy,
            @RequestParam(required = false) String asc) {
        PageRequest request = PageRequest.of(page, pageSize, orderBy, asc, SessionAdministration.ORDERS, "created_at");
        return sessions.ofTraining(id, new SessionRepository.Filter(id, centerId, status), request);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('can_create_training')")
    ApiResponse<TrainingOut> create(@Valid @RequestBody TrainingInput input) {
        return ApiResponse.ok("Training created successfully", trainings.create(input));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('can_update_training')")
    ApiResponse<TrainingOut> update(@PathVariable String id, @Valid @RequestBody TrainingInput input) {
        return ApiResponse.ok("Training updated successfully", trainings.update(id, input));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('can_delete_training')")
    ApiResponse<TrainingOut> delete(@PathVariable String id) {
        return ApiResponse.ok("Training deleted successfully", trainings.delete(id));
    }
}
