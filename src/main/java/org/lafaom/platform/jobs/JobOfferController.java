package org.lafaom.platform.jobs;

import jakarta.validation.Valid;
import org.lafaom.platform.jobs.JobInputs.JobOfferCreateInput;
import org.lafaom.platform.jobs.JobInputs.JobOfferUpdateInput;
import org.lafaom.platform.jobs.JobViews.JobOfferOut;
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

/** Job offers ({@code /api/v1/job-offers}): public reads, staff writes. */
@RestController
@RequestMapping("/api/v1/job-offers")
class JobOfferController {

    private final JobOffers offers;

    JobOfferController(JobOffers offers) {
        this.offers = offers;
    }

    /** Closed offers (deadline passed) are listed too: the public site shows their deadline. */
    @GetMapping
    PageResponse<JobOfferOut> list(
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "page_size", required = false) Integer pageSize,
            @RequestParam(required = false) String search,
            @RequestParam(required = false) String location,
            @RequestParam(name = "contract_type", required = false) String contractType,
            @RequestParam(name = "salary_min", required = false) Double salaryMin,
            @RequestParam(name = "salary_max", required = false) Double salaryMax,
            @RequestParam(name = "order_by", required = false) String orderBy,
            @RequestParam(required = false) String asc) {
        PageRequest request = PageRequest.of(page, pageSize, orderBy, asc, JobOffers.ORDERS, "created_at");
        return offers.list(new JobOfferRepository.Filter(search, location, contractType, salaryMin, salaryMax), request);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('can_create_job_offer')")
    ApiResponse<JobOfferOut> create(@Valid @RequestBody JobOfferCreateInput input) {
        return ApiResponse.ok("Job offer created successfully", offers.create(input));
    }

    @GetMapping("/{jobOfferId}")
    ApiResponse<JobOfferOut> get(@PathVariable String jobOfferId) {
        return ApiResponse.ok("Job offer fetched successfully", offers.get(jobOfferId));
    }

    @PutMapping("/{jobOfferId}")
    @PreAuthorize("hasAuthority('can_update_job_offer')")
    ApiResponse<JobOfferOut> update(@PathVariable String jobOfferId, @Valid @RequestBody JobOfferUpdateInput input) {
        return ApiResponse.ok("Job offer updated successfully", offers.update(jobOfferId, input));
    }

    @DeleteMapping("/{jobOfferId}")
    @PreAuthorize("hasAuthority('can_delete_job_offer')")
    ApiResponse<JobOfferOut> delete(@PathVariable String jobOfferId) {
        return ApiResponse.ok("Job offer deleted successfully", offers.delete(jobOfferId));
    }
}
