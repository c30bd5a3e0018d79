package org.haolin.pairing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.haolin.access.HaolinUser;
import org.haolin.pairing.AreaPairingCoverage;
import org.haolin.pairing.CheckIn;
import org.haolin.pairing.CheckIns;
import org.haolin.pairing.Helper;
import org.haolin.pairing.Pairing;
import org.haolin.pairing.Pairings;
import org.haolin.pairing.UnpairedResident;
import org.haolin.platform.DomainException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Pairings over JSON: coverage, unpaired residents with suggestions, pairing, history, the overdue list. */
@RestController
@RequestMapping("/api/v1/pairings")
@Tag(name = "Pairings")
class PairingApi {

    private final Pairings pairings;
    private final CheckIns checkIns;

    PairingApi(Pairings pairings, CheckIns checkIns) {
        this.pairings = pairings;
        this.checkIns = checkIns;
    }

    record PairRequest(Long helperId) {
    }

    record Accepted(int paired) {
    }

    @Operation(summary = "Coverage per residential area: listed, paired, unpaired")
    @GetMapping("/coverage")
    List<AreaPairingCoverage> coverage(@AuthenticationPrincipal HaolinUser user) {
        return pairings.coverage(user);
    }

    @Operation(summary = "Overdue pairings in your areas, longest overdue first, 50 a page (page from 0)")
    @GetMapping("/overdue")
    CheckIns.Overdue overdue(@AuthenticationPrincipal HaolinUser user, @RequestParam(defaultValue = "0") int page) {
        return checkIns.overdue(user, page);
    }

    @Operation(summary = "Unpaired residents of a residential area, with suggested helpers")
    @GetMapping("/areas/{areaId}/unpaired")
    List<UnpairedResident> unpaired(@AuthenticationPrincipal HaolinUser user, @PathVariable long areaId) {
        return pairings.unpaired(user, areaId);
    }

    @Operation(summary = "Pair every unpaired resident of the area with their first suggestion")
    @PostMapping("/areas/{areaId}/accept-suggestions")
    Accepted acceptSuggestions(@AuthenticationPrincipal HaolinUser user, @PathVariable long areaId) {
        return new Accepted(pairings.acceptSuggestions(user, areaId));
    }

    @Operation(summary = "A resident's pairings, newest first")
    @GetMapping("/residents/{residentId}")
    List<Pairing> history(@AuthenticationPrincipal HaolinUser user, @PathVariable long residentId) {
        return pairings.history(user, residentId);
    }

    @Operation(summary = "Helpers who may be paired with the resident, best first")
    @GetMapping("/residents/{residentId}/helpers")
    List<Helper> helpers(@AuthenticationPrincipal HaolinUser user, @PathVariable long residentId) {
        return pairings.helpers(user, residentId);
    }

    @Operation(summary = "Pair the resident with a helper (ends a current pairing with someone else)")
    @PostMapping("/residents/{residentId}")
    Pairing pair(@AuthenticationPrincipal HaolinUser user, @PathVariable long residentId, @RequestBody PairRequest body) {
        pairings.residentName(user, residentId); // scope first: outsiders learn nothing from a bad body
        if (body.helperId() == null) {
            throw DomainException.invalid("pairing.helper.notEligible");
        }
        return pairings.pair(user, residentId, body.helperId());
    }

    @Operation(summary = "End the resident's current pairing")
    @DeleteMapping("/residents/{residentId}")
    void end(@AuthenticationPrincipal HaolinUser user, @PathVariable long residentId) {
        pairings.end(user, residentId, null);
    }

    @Operation(summary = "The resident's recent check-ins")
    @GetMapping("/residents/{residentId}/check-ins")
    List<CheckIn> checkIns(@AuthenticationPrincipal HaolinUser user, @PathVariable long residentId) {
        return checkIns.recent(user, residentId);
    }
}
