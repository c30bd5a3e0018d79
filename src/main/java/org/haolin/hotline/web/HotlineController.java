package org.haolin.hotline.web;

import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.hotline.Hotline;
import org.haolin.hotline.HotlineRequest;
import org.haolin.hotline.NewCall;
import org.haolin.hotline.RequestStatus;
import org.haolin.hotline.Urgency;
import org.haolin.resident.Residents;
import org.haolin.wish.WishCategory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;

/** The hotline pages: requests (most urgent first) with the log form, one request, stairwell contacts. */
@Controller
class HotlineController {

    private final Hotline hotline;
    private final Residents residents;

    HotlineController(Hotline hotline, Residents residents) {
        this.hotline = hotline;
        this.residents = residents;
    }

    @GetMapping("/hotline")
    String list(@AuthenticationPrincipal HaolinUser user, @RequestParam(required = false) RequestStatus status,
                Model model) {
        model.addAttribute("requests", hotline.list(user, status));
        model.addAttribute("status", status);
        model.addAttribute("statuses", RequestStatus.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("stairwells", hotline.stairwells(user));
        return "hotline/list";
    }

    @PostMapping("/hotline")
    String processCreationForm(@AuthenticationPrincipal HaolinUser user, NewCall call) {
        return "redirect:/hotline/" + hotline.log(user, call);
    }

    @GetMapping("/hotline/{id}")
    String show(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, Model model) {
        HotlineRequest request = hotline.request(user, id);
        model.addAttribute("request", request);
        model.addAttribute("categories", WishCategory.values());
        if (request.wishId() == null && user.may(Permission.READ_RESIDENTS)) {
            model.addAttribute("residents", residents.roster(user, request.stairwellId()).entries());
        }
        return "hotline/show";
    }

    @PostMapping("/hotline/{id}/status")
    String processStatusForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                             @RequestParam RequestStatus status) {
        hotline.move(user, id, status);
        return "redirect:/hotline/" + id;
    }

    @PostMapping("/hotline/{id}/wish")
    String processWishForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                           @RequestParam(required = false) Long resident,
                           @RequestParam(required = false) WishCategory category,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                           LocalDate neededBy) {
        return "redirect:/wishes/" + hotline.makeWish(user, id, resident, category, neededBy);
    }

    @PostMapping("/hotline/contacts")
    String processContactForm(@AuthenticationPrincipal HaolinUser user, @RequestParam(required = false) Long stairwell,
                              @RequestParam(required = false) String name,
                              @RequestParam(required = false) String phone) {
        hotline.setContact(user, stairwell, name, phone);
        return "redirect:/hotline";
    }
}
