package org.haolin.rota.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.platform.DomainException;
import org.haolin.platform.FormChange;
import org.haolin.rota.DayWishes;
import org.haolin.rota.WishKind;
import org.haolin.rota.WishList;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;

/**
 * Day wishes on a phone: the next four weeks, each day with a three-way choice — one's own, or (for staff keeping
 * the rota of their area) a person's of that area, e.g. taken down on the phone.
 */
@Controller
class WishesController {

    private final DayWishes wishes;

    WishesController(DayWishes wishes) {
        this.wishes = wishes;
    }

    @GetMapping("/my-shifts/wishes")
    String show(@AuthenticationPrincipal HaolinUser user, Model model) {
        return page(model, wishes.mine(user), "/my-shifts/wishes", "/my-shifts");
    }

    @GetMapping("/rotas/wishes/{personId}")
    String showFor(@AuthenticationPrincipal HaolinUser user, @PathVariable long personId, Model model) {
        return page(model, wishes.of(user, personId), "/rotas/wishes/" + personId, "/workforce/people/" + personId);
    }

    @PostMapping("/my-shifts/wishes")
    String processWishForm(@AuthenticationPrincipal HaolinUser user,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                           @RequestParam(required = false) String kind, Model model, HttpServletResponse response,
                           RedirectAttributes redirect) {
        return FormChange.attempt(() -> wishes.setMine(user, day, kindOf(kind)), "rota.wish.saved",
                "/my-shifts/wishes#day-" + day, () -> show(user, model), model, response, redirect);
    }

    @PostMapping("/rotas/wishes/{personId}")
    String processWishFormFor(@AuthenticationPrincipal HaolinUser user, @PathVariable long personId,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                              @RequestParam(required = false) String kind, Model model, HttpServletResponse response,
                              RedirectAttributes redirect) {
        return FormChange.attempt(() -> wishes.setFor(user, personId, day, kindOf(kind)), "rota.wish.saved",
                "/rotas/wishes/" + personId + "#day-" + day, () -> showFor(user, personId, model), model, response,
                redirect);
    }

    private static String page(Model model, WishList list, String action, String back) {
        model.addAttribute("wishes", list);
        model.addAttribute("action", action);
        model.addAttribute("back", back);
        return "myshifts/wishes";
    }

    /** "NONE" (or nothing) clears the day. */
    private static WishKind kindOf(String kind) {
        if (kind == null || kind.isBlank() || kind.equals("NONE")) {
            return null;
        }
        try {
            return WishKind.valueOf(kind);
        } catch (IllegalArgumentException unknown) {
            throw DomainException.invalid("rota.wish.kind");
        }
    }
}
