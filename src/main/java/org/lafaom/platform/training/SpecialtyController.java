package org.lafaom.platform.training;

import jakarta.validation.Valid;
import java.util.List;
import org.lafaom.platform.shared.ApiResponse;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.PageResponse;
import org.lafaom.platform.training.CatalogueInputs.SpecialtyInput;
import org.lafaom.platform.training.CatalogueViews.SpecialtyOut;
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

/**
 * {@code /api/v1/specialties}. The old backend guarded writes with the training permissions; the
 * specialty permissions of PermissionEnum are accepted as well.
 */
@RestController
@RequestMapping("/api/v1/specialties")
class SpecialtyController {

    private final Specialties specialties;

    SpecialtyController(Specialties specialties) {
        this.specialties = specialties;
    }

    @GetMapping
    PageResponse<SpecialtyOut> list(
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "page_size", required = false) Integer pageSize,
            @RequestParam(required = false) String search,
            @RequestParam(name = "order_by", required = false) String orderBy,
            @RequestParam(required = false) String asc) {
        return specialties.list(search, PageRequest.of(page, pageSize, orderBy, asc, Specialties.ORDERS, "created_at"));
    }

    @GetMapping("/active/all")
    ApiResponse<List<SpecialtyOut>> all() {
        return ApiResponse.ok("Active specialties fetched successfully", specialties.all());
    }

    @GetMapping("/{id}")
    ApiResponse<SpecialtyOut> get(@PathVariable int id) {
        return ApiResponse.ok("Specialty fetched successfully", specialties.require(id));
    }

    @PostMapping
    @PreAuthorize("hasAnyAuthority('can_create_training', 'can_create_specialty')")
    ApiResponse<SpecialtyOut> create(@Valid @RequestBody SpecialtyInput input) {
        return ApiResponse.ok("Specialty created successfully", specialties.create(input));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('can_update_training', 'can_update_specialty')")
    ApiResponse<SpecialtyOut> update(@PathVariable int id, @Valid @RequestBody SpecialtyInput input) {
        return ApiResponse.ok("Specialty updated successfully", specialties.update(id, input));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('can_delete_training', 'can_delete_specialty')")
    ApiResponse<SpecialtyOut> delete(@PathVariable int id) {
        return ApiResponse.ok("Specialty deleted successfully", specialties.delete(id));
    }
}
