package org.haolin.screening.web;

import org.haolin.access.HaolinUser;
import org.haolin.screening.CodeCards;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The printable page of a stairwell's personal-code cards. */
@Controller
class CodeCardController {

    private final CodeCards cards;

    CodeCardController(CodeCards cards) {
        this.cards = cards;
    }

    @GetMapping("/stairwells/{id}/code-cards")
    String cards(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, Model model) {
        model.addAttribute("cards", cards.forStairwell(user, id));
        return "campaigns/cards";
    }
}
