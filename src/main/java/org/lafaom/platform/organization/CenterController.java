package org.lafaom.platform.organization;

import jakarta.validation.Valid;
import java.util.List;
import org.lafaom.platform.organization.CenterViews.CenterInput;
import org.lafaom.platform.organization.CenterViews.CenterOut;
import org.lafaom.platform.organization.CenterViews.IdsInput;
import org.lafaom.platform.organization.CenterViews.StatusInput;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/system/organization-centers}: staff management and the public lookups. */
@RestController
@RequestMapping("/api/v1/system/organization-centers")
class CenterController {

    private final OrganizationCenters centers;

    CenterController(OrganizationCenters centers) {
        this.centers = centers;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('can_view_organization_center')")
    PageResponse<CenterOut> list(
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "page_size", required = false) Integer pageSize,
            @RequestParam(required = false) String search,
            @RequestParam(required = false) String status,
            @RequestParam(name = "organization_type", required = false) String organizationType,
            @RequestParam(name = "country_code", required = false) String countryCode,
            @RequestParam(required = false) String city,
            @RequestParam(name = "order_by", required = false) String orderBy,
            @RequestParam(required = false) String asc) {
        PageRequest request = PageRequest.of(page, pageSize, orderBy, asc, OrganizationCenters.ORDERS, "created_at");
        return centers.list(new CenterRepository.Filter(search, status, organizationType, countryCode, city), request);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('can_create_organization_center')")
    ApiResponse<CenterOut> create(@Valid @RequestBody CenterInput input) {
        return ApiResponse.ok("Organization Center created successfully", centers.create(input));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('can_view_organization_center')")
    ApiResponse<CenterOut> get(@PathVariable int id) {
        return ApiResponse.ok("Organization Center fetched successfully", centers.get(id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('can_update_organization_center')")
    ApiResponse<CenterOut> update(@PathVariable int id, @Valid @RequestBody CenterInput input) {
        return ApiResponse.ok("Organization Center updated successfully", centers.update(id, input));
    }

    @PostMapping("/change-status/{id}")
    @PreAuthorize("hasAuthority('can_update_organization_center')")
    ApiResponse<CenterOut> changeStatus(@PathVariable int id, @Valid @RequestBody StatusInput input) {
        return ApiResponse.ok("Organization Center status updated successfully", centers.changeStatus(id, input.status()));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('can_delete_organization_center')")
    ApiResponse<CenterOut> delete(@PathVariable int id) {
        return ApiResponse.ok("Organization Center deleted successfully", centers.delete(id));
    }

    /** Public, as in the old backend: centres' contact details are shown on the public site. */
    @PostMapping("/internal")
    ApiResponse<List<CenterOut>> byIds(@Valid @RequestBody IdsInput input) {
        return ApiResponse.ok("Organization Centers list fetched successfully", centers.byIds(input.organizationCenterIds()));
    }

    @GetMapping("/location/{countryCode}")
    ApiResponse<List<CenterOut>> byLocation(@PathVariable String countryCode, @RequestParam(required = false) String city) {
        return ApiResponse.ok("Organization Centers fetched successfully", centers.byLocation(countryCode, city));
    }

    @GetMapping("/{id}/public")
    ApiResponse<CenterOut> getPublic(@PathVariable int id) {
        return ApiResponse.ok("Organization Center fetched successfully", centers.get(id));
    }
}
