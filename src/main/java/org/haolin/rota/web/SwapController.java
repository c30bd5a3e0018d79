package org.haolin.rota.web;

import org.haolin.access.HaolinUser;
import org.haolin.rota.ShiftSwaps;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A person asks to hand one of their published shifts to someone else who may stand there. */
@Controller
class SwapController {

    private final ShiftSwaps swaps;

    SwapController(ShiftSwaps swaps) {
        this.swaps = swaps;
    }

    @GetMapping("/my-shifts/{shiftId}/swap")
    String form(@AuthenticationPrincipal HaolinUser user, @PathVariable long shiftId, Model model) {
        model.addAttribute("shift", swaps.myShift(user, shiftId));
        model.addAttribute("candidates", swaps.candidates(user, shiftId));
        return "rota/swap";
    }

    @PostMapping("/my-shifts/{shiftId}/swap")
    String processCreationForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long shiftId,
                               @RequestParam(required = false) Long toPersonId,
                               @RequestParam(required = false) String reason, Model model) {
        swaps.request(user, shiftId, toPersonId, reason);
        model.addAttribute("shift", swaps.myShift(user, shiftId));
        model.addAttribute("requested", true);
        model.addAttribute("candidates", java.util.List.of());
        return "rota/swap";
    }
}
