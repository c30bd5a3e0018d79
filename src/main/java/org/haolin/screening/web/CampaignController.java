package org.haolin.screening.web;

import org.haolin.access.Accounts;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.platform.DomainException;
import org.haolin.platform.HaolinProperties;
import org.haolin.screening.AreaProgress;
import org.haolin.screening.Campaigns;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The campaign pages: the list with the plan form, a campaign's overview with its live progress (an htmx
 * fragment that refreshes itself), and a building's not-yet-sampled and door-to-door lists for the phone.
 */
@Controller
class CampaignController {

    private final Campaigns campaigns;
    private final Accounts accounts;
    private final HaolinProperties properties;
    private final MessageSource messages;

    CampaignController(Campaigns campaigns, Accounts accounts, HaolinProperties properties, MessageSource messages) {
        this.campaigns = campaigns;
        this.accounts = accounts;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping("/campaigns")
    String list(@AuthenticationPrincipal HaolinUser user, Model model) {
        model.addAttribute("campaigns", campaigns.list(user));
        if (user.may(Permission.ORGANISE_SCREENING)) {
            model.addAttribute("types", campaigns.types());
            model.addAttribute("areas", campaigns.plannableAreas(user));
        }
        return "campaigns/list";
    }

    @PostMapping("/campaigns")
    String processCreationForm(@AuthenticationPrincipal HaolinUser user, @ModelAttribute PlanForm form, Model model,
                               HttpServletResponse response) {
        try {
            return "redirect:/campaigns/" + campaigns.plan(user, form.toPlan(accounts, properties.zone())).id();
        } catch (DomainException refused) {
            if (refused.status() != HttpStatus.BAD_REQUEST) {
                throw refused;
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", messages.getMessage(refused.messageKey(), refused.args(),
                    LocaleContextHolder.getLocale()));
            model.addAttribute("form", form);
            return list(user, model);
        }
    }

    @GetMapping("/campaigns/{id}")
    String show(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                @RequestParam(required = false) Long area, Model model) {
        model.addAttribute("overview", campaigns.overview(user, id));
        model.addAttribute("progress", campaigns.progress(user, id, area));
        return "campaigns/show";
    }

    /** The progress panel alone, for the page's polling. */
    @GetMapping("/campaigns/{id}/progress")
    String progress(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                    @RequestParam(required = false) Long area, Model model) {
        AreaProgress progress = campaigns.progress(user, id, area);
        model.addAttribute("progress", progress);
        return "campaigns/progress :: progress";
    }

    @PostMapping("/campaigns/{id}/recount")
    String processRecountForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        campaigns.recount(user, id);
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/campaigns/{id}/open")
    String processOpenForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        campaigns.open(user, id);
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/campaigns/{id}/close")
    String processCloseForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        campaigns.close(user, id);
        return "redirect:/campaigns/" + id;
    }

    @GetMapping("/campaigns/{id}/buildings/{buildingId}")
    String building(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, @PathVariable long buildingId,
                    Model model) {
        model.addAttribute("lists", campaigns.buildingLists(user, id, buildingId, LocaleContextHolder.getLocale()));
        return "campaigns/building";
    }
}
