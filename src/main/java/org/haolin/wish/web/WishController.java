package org.haolin.wish.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.resident.Residents;
import org.haolin.wish.NewWish;
import org.haolin.wish.ServiceCatalogue;
import org.haolin.wish.Wish;
import org.haolin.wish.WishCategory;
import org.haolin.wish.WishFilter;
import org.haolin.wish.WishRoute;
import org.haolin.wish.WishState;
import org.haolin.wish.Wishes;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.time.LocalDate;

/** Staff pages of the wish list: the town list and its export, a new wish, a wish with its history and actions. */
@Controller
class WishController {

    private final Wishes wishes;
    private final ServiceCatalogue catalogue;
    private final Residents residents;

    WishController(Wishes wishes, ServiceCatalogue catalogue, Residents residents) {
        this.wishes = wishes;
        this.catalogue = catalogue;
        this.residents = residents;
    }

    @GetMapping("/wishes")
    String list(@AuthenticationPrincipal HaolinUser user, WishFilter filter, Model model) {
        model.addAttribute("wishes", wishes.list(user, filter));
        model.addAttribute("filter", filter);
        model.addAttribute("today", wishes.today());
        model.addAttribute("states", WishState.values());
        model.addAttribute("routes", WishRoute.values());
        model.addAttribute("categories", WishCategory.values());
        model.addAttribute("areas", wishes.filterAreas(user));
        return "wishes/list";
    }

    @GetMapping("/wishes/export")
    void export(@AuthenticationPrincipal HaolinUser user, WishFilter filter, HttpServletResponse response)
            throws IOException {
        byte[] xlsx = wishes.export(user, filter, LocaleContextHolder.getLocale());
        org.haolin.platform.XlsxDownload.headers(response, "wishes-" + wishes.today() + ".xlsx");
        response.getOutputStream().write(xlsx);
    }

    @GetMapping("/wishes/new")
    String initCreationForm(@AuthenticationPrincipal HaolinUser user, @RequestParam long resident, Model model) {
        model.addAttribute("resident", residents.detail(user, resident).entry());
        model.addAttribute("categories", WishCategory.values());
        return "wishes/new";
    }

    @PostMapping("/wishes")
    String processCreationForm(@AuthenticationPrincipal HaolinUser user, @RequestParam(required = false) Long resident,
                               @RequestParam(required = false) WishCategory category,
                               @RequestParam(required = false) String description,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate neededBy) {
        long id = wishes.create(user, new NewWish(resident, category, description, neededBy));
        return "redirect:/wishes/" + id;
    }

    @GetMapping("/wishes/{id}")
    String show(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, Model model) {
        Wish wish = wishes.detail(user, id);
        model.addAttribute("wish", wish);
        model.addAttribute("history", wishes.history(user, id));
        model.addAttribute("today", wishes.today());
        model.addAttribute("items", catalogue.items(user).stream().filter(i -> i.townId() == wish.townId()).toList());
        return "wishes/show";
    }

    @PostMapping("/wishes/{id}/route")
    String processRouteForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, @RequestParam long item) {
        wishes.route(user, id, item);
        return "redirect:/wishes/" + id;
    }

    @PostMapping("/wishes/{id}/publish")
    String processPublishForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        wishes.publish(user, id);
        return "redirect:/wishes/" + id;
    }

    @PostMapping("/wishes/{id}/delivered")
    String processDeliveredForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                                @RequestParam(required = false) String note) {
        wishes.serviceDelivered(user, id, note);
        return "redirect:/wishes/" + id;
    }

    @PostMapping("/wishes/{id}/close")
    String processCloseForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                            @RequestParam(required = false) String note) {
        wishes.close(user, id, note);
        return "redirect:/wishes/" + id;
    }

    @PostMapping("/wishes/{id}/reopen")
    String processReopenForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                             @RequestParam(required = false) String note) {
        wishes.reopen(user, id, note);
        return "redirect:/wishes/" + id;
    }
}
