package org.haolin.sweep.web;

import org.haolin.access.HaolinUser;
import org.haolin.sweep.SweepTeams;
import org.haolin.sweep.TeamRole;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A stairwell's sweep team, for the people who organise sweeps there. */
@Controller
class TeamController {

    private final SweepTeams teams;

    TeamController(SweepTeams teams) {
        this.teams = teams;
    }

    @GetMapping("/sweeps/teams/{stairwellId}")
    String team(@AuthenticationPrincipal HaolinUser user, @PathVariable long stairwellId,
                @RequestParam(required = false) Long round, Model model) {
        model.addAttribute("team", teams.team(user, stairwellId));
        model.addAttribute("roles", TeamRole.values());
        model.addAttribute("round", round);
        return "sweeps/team";
    }

    @PostMapping("/sweeps/teams/{stairwellId}")
    String processTeamForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long stairwellId,
                           @RequestParam TeamRole role, @RequestParam(required = false) Long account,
                           @RequestParam(required = false) Long round) {
        teams.assign(user, stairwellId, role, account);
        return "redirect:/sweeps/teams/" + stairwellId + (round == null ? "" : "?round=" + round);
    }
}
