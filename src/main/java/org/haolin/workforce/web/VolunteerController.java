package org.haolin.workforce.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.platform.DomainException;
import org.haolin.platform.FormChange;
import org.haolin.workforce.ConsentMethod;
import org.haolin.workforce.ProtectionStandard;
import org.haolin.workforce.Volunteers;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The volunteer pool, the recruitment search with consent, and the protection standard. */
@Controller
class VolunteerController {

    private final Volunteers volunteers;
    private final ProtectionStandard protection;

    VolunteerController(Volunteers volunteers, ProtectionStandard protection) {
        this.volunteers = volunteers;
        this.protection = protection;
    }

    @GetMapping("/volunteers")
    String pool(@AuthenticationPrincipal HaolinUser user, Model model) {
        model.addAttribute("pool", volunteers.pool(user));
        return "workforce/volunteers";
    }

    @GetMapping("/volunteers/recruit")
    String recruit(@AuthenticationPrincipal HaolinUser user, @RequestParam(required = false) Long area,
                   @RequestParam(defaultValue = "" + Volunteers.DEFAULT_MIN_AGE) int minAge,
                   @RequestParam(defaultValue = "" + Volunteers.DEFAULT_MAX_AGE) int maxAge, Model model) {
        model.addAttribute("areas", volunteers.searchAreas(user));
        model.addAttribute("area", area);
        model.addAttribute("minAge", minAge);
        model.addAttribute("maxAge", maxAge);
        model.addAttribute("methods", ConsentMethod.values());
        if (area != null) {
            model.addAttribute("found", volunteers.candidates(user, area, minAge, maxAge));
        }
        return "workforce/recruit";
    }

    @PostMapping("/volunteers/recruit")
    String processRecruitForm(@AuthenticationPrincipal HaolinUser user, @RequestParam long resident,
                              @RequestParam(required = false) ConsentMethod consent,
                              @RequestParam(required = false) Long area,
                              @RequestParam(defaultValue = "" + Volunteers.DEFAULT_MIN_AGE) int minAge,
                              @RequestParam(defaultValue = "" + Volunteers.DEFAULT_MAX_AGE) int maxAge, Model model,
                              HttpServletResponse response, RedirectAttributes redirect) {
        String back = "/volunteers/recruit" + (area == null ? "" : "?area=" + area + "&minAge=" + minAge + "&maxAge=" + maxAge);
        return FormChange.attempt(() -> volunteers.recruit(user, resident, consent), "volunteer.recruited", back,
                () -> recruit(user, area, minAge, maxAge, model), model, response, redirect);
    }

    @GetMapping("/protection-standard")
    String protectionStandard(@AuthenticationPrincipal HaolinUser user, Model model) {
        if (!user.may(Permission.MANAGE_WORKFORCE)) {
            throw DomainException.forbidden("access.denied");
        }
        model.addAttribute("items", protection.items());
        return "workforce/protection";
    }
}
