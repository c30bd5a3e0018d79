package org.haolin.sweep.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.sweep.FoundResident;
import org.haolin.sweep.MarkConflict;
import org.haolin.sweep.Occupation;
import org.haolin.sweep.Presence;
import org.haolin.sweep.SweepRounds;
import org.haolin.sweep.StairwellSheet;
import org.haolin.sweep.SweepSheets;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sweep pages: this week's rounds, a round's overview, and the sheet a team member walks on a phone. */
@Controller
class SweepController {

    private final SweepRounds rounds;
    private final SweepSheets sheets;

    SweepController(SweepRounds rounds, SweepSheets sheets) {
        this.rounds = rounds;
        this.sheets = sheets;
    }

    @GetMapping("/sweeps")
    String list(@AuthenticationPrincipal HaolinUser user, Model model) {
        if (user.may(Permission.ORGANISE_SWEEPS)) {
            model.addAttribute("areas", rounds.organisedThisWeek(user));
        }
        model.addAttribute("mine", rounds.myStairwells(user));
        return "sweeps/list";
    }

    @PostMapping("/sweeps")
    String processOpenForm(@AuthenticationPrincipal HaolinUser user, @RequestParam long area) {
        return "redirect:/sweeps/" + rounds.open(user, area).id();
    }

    @GetMapping("/sweeps/{roundId}")
    String round(@AuthenticationPrincipal HaolinUser user, @PathVariable long roundId, Model model) {
        model.addAttribute("overview", rounds.overview(user, roundId));
        return "sweeps/round";
    }

    @GetMapping("/sweeps/{roundId}/stairwells/{stairwellId}")
    String sheet(@AuthenticationPrincipal HaolinUser user, @PathVariable long roundId, @PathVariable long stairwellId,
                 Model model) {
        model.addAttribute("sheet", sheets.sheet(user, roundId, stairwellId));
        return "sweeps/sheet";
    }

    /** One tap (htmx): answers the resident's line as saved, or with the other person's mark on a conflict. */
    @PostMapping("/sweeps/{roundId}/stairwells/{stairwellId}/marks")
    String processMarkForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long roundId,
                           @PathVariable long stairwellId, @RequestParam long resident, @RequestParam int version,
                           @RequestParam(required = false) Presence presence,
                           @RequestParam(required = false) Occupation toggle, Model model,
                           HttpServletResponse response) {
        try {
            sheets.tap(user, roundId, stairwellId, resident, version, presence, toggle);
        } catch (MarkConflict conflict) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("conflict", conflict.theirs());
        }
        StairwellSheet sheet = sheets.sheet(user, roundId, stairwellId);
        model.addAttribute("sheet", sheet);
        model.addAttribute("line", sheet.lines().stream().filter(l -> l.resident().residentId() == resident)
                .findFirst().orElseThrow());
        model.addAttribute("roundId", roundId);
        model.addAttribute("stairwellId", stairwellId);
        model.addAttribute("oob", true);
        return "sweeps/tap :: tap";
    }

    @PostMapping("/sweeps/{roundId}/stairwells/{stairwellId}/residents")
    String processFoundForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long roundId,
                            @PathVariable long stairwellId, FoundResident found, Model model,
                            HttpServletResponse response) {
        var outcome = sheets.addFound(user, roundId, stairwellId, found);
        if (outcome.residentId() != null) {
            return "redirect:/sweeps/" + roundId + "/stairwells/" + stairwellId + "#resident-" + outcome.residentId();
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("sheet", sheets.sheet(user, roundId, stairwellId));
        model.addAttribute("found", found);
        model.addAttribute("problems", outcome.problems());
        return "sweeps/sheet";
    }

    @PostMapping("/sweeps/{roundId}/stairwells/{stairwellId}/complete")
    String processCompleteForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long roundId,
                               @PathVariable long stairwellId) {
        sheets.complete(user, roundId, stairwellId);
        return "redirect:/sweeps/" + roundId + "/stairwells/" + stairwellId;
    }
}
