package org.haolin.rota.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.platform.FormChange;
import org.haolin.rota.RankPair;
import org.haolin.rota.Substitutions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/** The town's rank substitution matrix: read by rota staff, saved by those over the whole town. */
@Controller
class SubstitutionController {

    private final Substitutions substitutions;

    SubstitutionController(Substitutions substitutions) {
        this.substitutions = substitutions;
    }

    @GetMapping("/rotas/substitutions")
    String show(@AuthenticationPrincipal HaolinUser user, @RequestParam(required = false) Long townId, Model model) {
        model.addAttribute("rules", substitutions.rules(user, townId));
        model.addAttribute("towns", substitutions.towns(user));
        return "rota/substitutions";
    }

    @PostMapping("/rotas/substitutions")
    String processSubstitutionForm(@AuthenticationPrincipal HaolinUser user, @RequestParam long townId,
                                   @RequestParam(name = "pair", required = false) List<String> pairs, Model model,
                                   HttpServletResponse response, RedirectAttributes redirect) {
        List<RankPair> chosen = pairs == null ? List.of() : pairs.stream().map(RankPair::parse).toList();
        return FormChange.attempt(() -> substitutions.change(user, townId, chosen), "rota.substitution.saved",
                "/rotas/substitutions?townId=" + townId, () -> show(user, townId, model), model, response, redirect);
    }
}
