package org.haolin.cockpit.web;

import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scope;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.cockpit.Cockpit;
import org.haolin.cockpit.Overview;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The town overview page: charts drawn by static/js/cockpit.js from the figures in data-cockpit, and tables. */
@Controller
class CockpitController {

    private final Cockpit cockpit;
    private final Scopes scopes;
    private final MessageSource messages;
    private final JsonMapper json;

    CockpitController(Cockpit cockpit, Scopes scopes, MessageSource messages, JsonMapper json) {
        this.cockpit = cockpit;
        this.scopes = scopes;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/cockpit")
    String show(@AuthenticationPrincipal HaolinUser user, @RequestParam(required = false) Long area, Locale locale,
                Model model) {
        Overview overview = cockpit.overview(user, area);
        model.addAttribute("overview", overview);
        model.addAttribute("chart", json.writeValueAsString(CockpitJson.of(overview, messages, locale)));
        model.addAttribute("openAreas", openAreas(user, overview));
        return "cockpit/overview";
    }

    /** The breadcrumb links only the areas whose overview the person may open. */
    private Set<Long> openAreas(HaolinUser user, Overview overview) {
        Scope scope = scopes.of(user, Permission.VIEW_COCKPIT);
        return overview.lineage().stream().filter(a -> scope.covers(a.path())).map(Area::id).collect(Collectors.toSet());
    }
}
