package org.lafaom.platform.cabinet;

import jakarta.validation.Valid;
import java.util.List;
import org.lafaom.platform.cabinet.CabinetInputs.ApplicationFeeCreate;
import org.lafaom.platform.cabinet.CabinetInputs.ApplicationFeeUpdate;
import org.lafaom.platform.cabinet.CabinetInputs.CampaignCreate;
import org.lafaom.platform.cabinet.CabinetInputs.CampaignUpdate;
import org.lafaom.platform.cabinet.CabinetViews.ApplicationFeeOut;
import org.lafaom.platform.cabinet.CabinetViews.CampaignOut;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fees ({@code /fees}, the contract's routes) and recruitment campaigns ({@code /campaigns}, added:
 * the old backend had the table and no route, and a campaign's fee is what an application costs
 * while it runs). Staff only; no deletion: deactivate instead ({@code is_active}).
 */
@RestController
@RequestMapping(CabinetErrorBodies.PREFIX)
class CabinetFeeController {

    private final Fees fees;

    CabinetFeeController(Fees fees) {
        this.fees = fees;
    }

    @PostMapping("/fees")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('can_manage_application_fee')")
    ApplicationFeeOut createFee(@Valid @RequestBody ApplicationFeeCreate input) {
        return fees.createFee(input);
    }

    @GetMapping("/fees")
    @PreAuthorize("hasAnyAuthority('can_manage_application_fee', 'can_view_cabinet_application')")
    List<ApplicationFeeOut> listFees(@RequestParam(required = false) Integer skip, @RequestParam(required = false) Integer limit) {
        Window window = Window.of(skip, limit);
        return fees.fees(window.skip(), window.limit());
    }

    @GetMapping("/fees/{feeId}")
    @PreAuthorize("hasAnyAuthority('can_manage_application_fee', 'can_view_cabinet_application')")
    ApplicationFeeOut getFee(@PathVariable String feeId) {
        return fees.fee(feeId);
    }

    @PutMapping("/fees/{feeId}")
    @PreAuthorize("hasAuthority('can_manage_application_fee')")
    ApplicationFeeOut updateFee(@PathVariable String feeId, @Valid @RequestBody ApplicationFeeUpdate input) {
        return fees.updateFee(feeId, input);
    }

    @PostMapping("/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('can_manage_application_fee')")
    CampaignOut createCampaign(@Valid @RequestBody CampaignCreate input) {
        return fees.createCampaign(input);
    }

    @GetMapping("/campaigns")
    @PreAuthorize("hasAnyAuthority('can_manage_application_fee', 'can_view_cabinet_application')")
    List<CampaignOut> listCampaigns(@RequestParam(required = false) Integer skip, @RequestParam(required = false) Integer limit) {
        Window window = Window.of(skip, limit);
        return fees.campaigns(window.skip(), window.limit());
    }

    @GetMapping("/campaigns/{campaignId}")
    @PreAuthorize("hasAnyAuthority('can_manage_application_fee', 'can_view_cabinet_application')")
    CampaignOut getCampaign(@PathVariable String campaignId) {
        return fees.campaign(campaignId);
    }

    @PutMapping("/campaigns/{campaignId}")
    @PreAuthorize("hasAuthority('can_manage_application_fee')")
    CampaignOut updateCampaign(@PathVariable String campaignId, @Valid @RequestBody CampaignUpdate input) {
        return fees.updateCampaign(campaignId, input);
    }
}
