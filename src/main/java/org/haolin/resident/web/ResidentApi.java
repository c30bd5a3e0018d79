package org.haolin.resident.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.haolin.access.HaolinUser;
import org.haolin.resident.RosterEntry;
import org.haolin.resident.Residents;
import org.haolin.resident.StairwellRoster;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Residents")
class ResidentApi {

    private final Residents residents;

    ResidentApi(Residents residents) {
        this.residents = residents;
    }

    /** The stairwell list as JSON: residents by room with current tags, identifiers masked. */
    record RosterView(long stairwellId, String stairwell, List<String> lineage, List<RosterEntry> residents) {
        static RosterView of(StairwellRoster roster) {
            return new RosterView(roster.stairwell().id(), roster.stairwell().name(),
                    roster.lineage().stream().map(a -> a.name()).toList(), roster.entries());
        }
    }

    @Operation(summary = "One stairwell's dynamic list (一楼道一名单)")
    @GetMapping("/stairwells/{id}/roster")
    RosterView roster(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        return RosterView.of(residents.roster(user, id));
    }
}
