package org.haolin.screening.web;

import org.haolin.access.HaolinUser;
import org.haolin.screening.internal.StationPoints;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The scan station (扫码采样) on a phone or PDA at a sampling point. The page only draws the station; scans go
 * from its script to the station's check-in endpoints, through a queue on the device so nothing is lost offline.
 */
@Controller
class StationController {

    private final StationPoints stationPoints;

    StationController(StationPoints stationPoints) {
        this.stationPoints = stationPoints;
    }

    @GetMapping("/campaigns/{id}/station")
    String show(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                @RequestParam(required = false) Long pointId, Model model) {
        StationPoints.StationCampaign campaign = stationPoints.station(user, id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("point", campaign.point(pointId));
        return "screening/station";
    }
}
