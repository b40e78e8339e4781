package org.lafaom.platform.reclamations;

import jakarta.validation.Valid;
import java.util.List;
import org.lafaom.platform.reclamations.ReclamationViews.TypeInput;
import org.lafaom.platform.reclamations.ReclamationViews.TypeOut;
import org.lafaom.platform.shared.ApiResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/reclamation-types}. */
@RestController
@RequestMapping("/api/v1/reclamation-types")
class ReclamationTypeController {

    private final Reclamations reclamations;

    ReclamationTypeController(Reclamations reclamations) {
        this.reclamations = reclamations;
    }

    @GetMapping("/active/all")
    ApiResponse<List<TypeOut>> all() {
        return ApiResponse.ok("Active reclamation types fetched successfully", reclamations.types());
    }

    @GetMapping("/{id}")
    ApiResponse<TypeOut> get(@PathVariable int id) {
        return ApiResponse.ok("Reclamation type fetched successfully", reclamations.type(id));
    }

    /** The old backend checked the view permission here; creating now needs the create permission. */
    @PostMapping
    @PreAuthorize("hasAuthority('can_create_reclamation_type')")
    ApiResponse<TypeOut> create(@Valid @RequestBody TypeInput input) {
        return ApiResponse.ok("Reclamation type created successfully", reclamations.createType(input));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('can_update_reclamation_type')")
    ApiResponse<TypeOut> update(@PathVariable int id, @Valid @RequestBody TypeInput input) {
        return ApiResponse.ok("Reclamation type updated successfully", reclamations.updateType(id, input));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('can_delete_reclamation_type')")
    ApiResponse<TypeOut> delete(@PathVariable int id) {
        return ApiResponse.ok("Reclamation type deleted successfully", reclamations.deleteType(id));
    }
}
