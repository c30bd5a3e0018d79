package org.haolin.pairing.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.pairing.CheckIns;
import org.haolin.pairing.Pairings;
import org.haolin.platform.DomainException;
import org.haolin.platform.FormChange;
import org.haolin.resident.Residents;
import org.haolin.resident.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Staff pages: pairing coverage per residential area, and an area's unpaired residents with suggested helpers. */
@Controller
class PairingController {

    private final Pairings pairings;
    private final CheckIns checkIns;
    private final Residents residents;

    PairingController(Pairings pairings, CheckIns checkIns, Residents residents) {
        this.pairings = pairings;
        this.checkIns = checkIns;
        this.residents = residents;
    }

    @GetMapping("/pairings")
    String coverage(@AuthenticationPrincipal HaolinUser user, Model model) {
        model.addAttribute("areas", pairings.coverage(user));
        return "pairing/coverage";
    }

    /** The staff's phone list of overdue pairings in their areas, longest overdue first, a page at a time. */
    @GetMapping("/pairings/overdue")
    String overdue(@AuthenticationPrincipal HaolinUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("overdue", checkIns.overdue(user, page));
        model.addAttribute("tags", residents.catalogue().stream().collect(Collectors.toMap(Tag::code, Function.identity())));
        return "pairing/overdue";
    }

    @GetMapping("/pairings/areas/{areaId}")
    String unpaired(@AuthenticationPrincipal HaolinUser user, @PathVariable long areaId, Model model) {
        model.addAttribute("areaId", areaId);
        model.addAttribute("area", pairings.coverage(user).stream().filter(a -> a.areaId() == areaId).findFirst()
                .orElseThrow(() -> DomainException.notFound("area.notFound", areaId)));
        model.addAttribute("unpaired", pairings.unpaired(user, areaId));
        model.addAttribute("maxPerHelper", pairings.maxPerHelper());
        return "pairing/unpaired";
    }

    @PostMapping("/pairings/areas/{areaId}/pairs")
    String processPairForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long areaId,
                           @RequestParam long residentId, @RequestParam long helperId, Model model,
                           HttpServletResponse response, RedirectAttributes redirect) {
        return change(user, areaId, model, response, redirect, () -> pairings.pair(user, residentId, helperId));
    }

    @PostMapping("/pairings/areas/{areaId}/accept-suggestions")
    String processAcceptForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long areaId, Model model,
                             HttpServletResponse response, RedirectAttributes redirect) {
        return change(user, areaId, model, response, redirect, () -> pairings.acceptSuggestions(user, areaId));
    }

    private String change(HaolinUser user, long areaId, Model model, HttpServletResponse response,
                          RedirectAttributes redirect, Supplier<?> change) {
        return FormChange.attempt(change::get, "pairing.page.paired", "/pairings/areas/" + areaId,
                () -> unpaired(user, areaId, model), model, response, redirect);
    }
}
