package org.haolin.screening.web;

import org.haolin.access.HaolinUser;
import org.haolin.area.ZoneLevel;
import org.haolin.screening.PositiveTubes;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Arrays;

/** The tracing page of a campaign's positive tubes, with one-click zone level raises for the places they touch. */
@Controller
class PositivesController {

    private final PositiveTubes positives;

    PositivesController(PositiveTubes positives) {
        this.positives = positives;
    }

    @GetMapping("/campaigns/{id}/positives")
    String show(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, Model model) {
        model.addAttribute("positives", positives.positives(user, id));
        model.addAttribute("levels", Arrays.stream(ZoneLevel.values()).filter(l -> l != ZoneLevel.NORMAL).toList());
        return "screening/positives";
    }

    @PostMapping("/campaigns/{id}/positives/zone")
    String processZoneForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                           @RequestParam long areaId, @RequestParam ZoneLevel level,
                           @RequestParam(required = false) String reason) {
        positives.changeZoneLevel(user, id, areaId, level, reason);
        return "redirect:/campaigns/" + id + "/positives#area-" + areaId;
    }
}
