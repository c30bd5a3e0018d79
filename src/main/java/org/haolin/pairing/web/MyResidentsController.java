package org.haolin.pairing.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.pairing.Channel;
import org.haolin.pairing.CheckIns;
import org.haolin.pairing.NewCheckIn;
import org.haolin.pairing.Wellbeing;
import org.haolin.platform.FormChange;
import org.haolin.resident.Residents;
import org.haolin.resident.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The helper's phone page: the residents paired with them, most urgent first, each with a form to record a
 * contact. Every form carries a key made when the page was drawn, so sending it twice records once.
 */
@Controller
class MyResidentsController {

    private final CheckIns checkIns;
    private final Residents residents;

    MyResidentsController(CheckIns checkIns, Residents residents) {
        this.checkIns = checkIns;
        this.residents = residents;
    }

    @GetMapping("/my-residents")
    String show(@AuthenticationPrincipal HaolinUser user, Model model) {
        model.addAttribute("residents", checkIns.myResidents(user));
        model.addAttribute("tags", residents.catalogue().stream().collect(Collectors.toMap(Tag::code, Function.identity())));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("wellbeings", Wellbeing.values());
        model.addAttribute("formKey", UUID.randomUUID().toString());
        return "pairing/my-residents";
    }

    @PostMapping("/my-residents/check-ins")
    String processCheckInForm(@AuthenticationPrincipal HaolinUser user, @RequestParam long residentId,
                              @RequestParam(required = false) Channel channel,
                              @RequestParam(required = false) Wellbeing wellbeing,
                              @RequestParam(required = false) String notes, @RequestParam(required = false) String need,
                              @RequestParam String key, Model model, HttpServletResponse response,
                              RedirectAttributes redirect) {
        return FormChange.attempt(
                () -> checkIns.record(user, new NewCheckIn(residentId, channel, null, wellbeing, notes, need), key),
                "pairing.page.recorded", "/my-residents#resident-" + residentId, () -> show(user, model), model,
                response, redirect);
    }
}
