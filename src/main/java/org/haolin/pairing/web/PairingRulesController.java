package org.haolin.pairing.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.pairing.PairingRuleBook;
import org.haolin.platform.FormChange;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pairing rules page: check-in frequency per tag, and the tags each residential area pairs besides hardship. */
@Controller
class PairingRulesController {

    private static final String PAGE = "/pairings/rules";

    private final PairingRuleBook rules;

    PairingRulesController(PairingRuleBook rules) {
        this.rules = rules;
    }

    @GetMapping(PAGE)
    String rules(@AuthenticationPrincipal HaolinUser user, Model model) {
        model.addAttribute("frequencies", rules.frequencies());
        model.addAttribute("mayEditFrequencies", rules.mayEditFrequencies(user));
        model.addAttribute("areas", rules.extraTags(user));
        model.addAttribute("addable", rules.addableTags());
        return "pairing/rules";
    }

    @PostMapping(PAGE + "/frequencies")
    String processFrequencyForm(@AuthenticationPrincipal HaolinUser user, @RequestParam String tagCode,
                                @RequestParam(required = false) Integer everyDays, Model model,
                                HttpServletResponse response, RedirectAttributes redirect) {
        return change(user, () -> rules.setFrequency(user, tagCode, everyDays), model, response, redirect);
    }

    @PostMapping(PAGE + "/areas/{areaId}/extra-tags")
    String processExtraTagForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long areaId,
                               @RequestParam String tagCode, Model model, HttpServletResponse response,
                               RedirectAttributes redirect) {
        return change(user, () -> rules.addExtraTag(user, areaId, tagCode), model, response, redirect);
    }

    @PostMapping(PAGE + "/areas/{areaId}/extra-tags/{tagCode}/remove")
    String processRemoveExtraTagForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long areaId,
                                     @PathVariable String tagCode, Model model, HttpServletResponse response,
                                     RedirectAttributes redirect) {
        return change(user, () -> rules.removeExtraTag(user, areaId, tagCode), model, response, redirect);
    }

    private String change(HaolinUser user, Runnable change, Model model, HttpServletResponse response,
                          RedirectAttributes redirect) {
        return FormChange.attempt(change, "pairing.rules.saved", PAGE, () -> rules(user, model), model, response,
                redirect);
    }
}
