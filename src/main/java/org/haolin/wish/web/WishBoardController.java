package org.haolin.wish.web;

import org.haolin.access.HaolinUser;
import org.haolin.wish.Wishes;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public wish board for claimers: what is needed, where (compound) and by when; never who. */
@Controller
class WishBoardController {

    private final Wishes wishes;

    WishBoardController(Wishes wishes) {
        this.wishes = wishes;
    }

    @GetMapping("/wish-board")
    String board(@AuthenticationPrincipal HaolinUser user, Model model) {
        model.addAttribute("wishes", wishes.board(user));
        return "wishes/board";
    }

    @PostMapping("/wish-board/{id}/claim")
    String processClaimForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        wishes.claim(user, id);
        return "redirect:/wish-board#wish-" + id;
    }

    @PostMapping("/wish-board/{id}/fulfil")
    String processFulfilForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                             @RequestParam(required = false) String note) {
        wishes.fulfil(user, id, note);
        return "redirect:/wish-board#wish-" + id;
    }
}
