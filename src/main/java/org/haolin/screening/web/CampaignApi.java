package org.haolin.screening.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.haolin.access.HaolinUser;
import org.haolin.screening.AreaProgress;
import org.haolin.screening.Campaign;
import org.haolin.screening.CampaignOverview;
import org.haolin.screening.Campaigns;
import org.haolin.screening.DoorToDoorResident;
import org.haolin.screening.NewCampaign;
import org.haolin.screening.WaitingResident;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Screening campaigns over JSON: plan, list, state changes, live progress and a building's two lists. */
@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Screening campaigns")
class CampaignApi {

    private final Campaigns campaigns;

    CampaignApi(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Operation(summary = "Campaigns over places where you organise screening or read residents, newest first")
    @GetMapping
    List<Campaign> list(@AuthenticationPrincipal HaolinUser user) {
        return campaigns.list(user);
    }

    @Operation(summary = "Plan a campaign with its sampling points and staff; counts who is expected")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Campaign create(@AuthenticationPrincipal HaolinUser user, @RequestBody NewCampaign plan) {
        return campaigns.plan(user, plan);
    }

    @Operation(summary = "A campaign with its type and sampling points")
    @GetMapping("/{id}")
    CampaignOverview get(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        return campaigns.overview(user, id);
    }

    @Operation(summary = "Count again who is expected (only while planned)")
    @PostMapping("/{id}/recount")
    Campaign recount(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        return campaigns.recount(user, id);
    }

    @Operation(summary = "Open a planned campaign")
    @PostMapping("/{id}/open")
    Campaign open(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        return campaigns.open(user, id);
    }

    @Operation(summary = "Close an open campaign")
    @PostMapping("/{id}/close")
    Campaign close(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        return campaigns.close(user, id);
    }

    @Operation(summary = "Expected and sampled at a place (default: the widest you read) and its parts one level down")
    @GetMapping("/{id}/progress")
    AreaProgress progress(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                          @RequestParam(required = false) Long areaId) {
        return campaigns.progress(user, id, areaId);
    }

    @Operation(summary = "Expected residents of a building not sampled yet (rooms and masked names)")
    @GetMapping("/{id}/buildings/{buildingId}/not-sampled")
    List<WaitingResident> notSampled(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                                     @PathVariable long buildingId) {
        return campaigns.notSampled(user, id, buildingId);
    }

    @Operation(summary = "A building's residents sampled at their door, sampled or not, with their tags")
    @GetMapping("/{id}/buildings/{buildingId}/door-to-door")
    List<DoorToDoorResident> doorToDoor(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                                        @PathVariable long buildingId) {
        return campaigns.doorToDoor(user, id, buildingId, LocaleContextHolder.getLocale());
    }
}
