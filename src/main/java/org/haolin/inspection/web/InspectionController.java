package org.haolin.inspection.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.inspection.CheckResult;
import org.haolin.inspection.Supervision;
import org.haolin.platform.FormChange;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.UUID;

/**
 * The supervision pages: the areas one supervises with their state, an area's visits, the visit form (made for a
 * phone: one card per checklist item) and a recorded visit.
 */
@Controller
class InspectionController {

    private final Supervision supervision;

    InspectionController(Supervision supervision) {
        this.supervision = supervision;
    }

    /** Staff who only own tasks go straight to them. */
    @GetMapping("/inspection")
    String overview(@AuthenticationPrincipal HaolinUser user, Model model) {
        if (!user.may(Permission.INSPECT)) {
            return "redirect:/inspection/tasks";
        }
        model.addAttribute("areas", supervision.overview(user));
        return "inspection/overview";
    }

    @GetMapping("/inspection/areas/{areaId}")
    String area(@AuthenticationPrincipal HaolinUser user, @PathVariable long areaId, Model model) {
        model.addAttribute("area", supervision.area(user, areaId));
        model.addAttribute("visits", supervision.visits(user, areaId));
        return "inspection/area";
    }

    @GetMapping("/inspection/areas/{areaId}/visits/new")
    String initCreationForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long areaId, Model model) {
        return drawForm(user, areaId, Map.of("clientId", UUID.randomUUID().toString()), model);
    }

    /** The area's page lists the new visit first. */
    @PostMapping("/inspection/areas/{areaId}/visits")
    String processCreationForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long areaId,
                               @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                               RedirectAttributes redirect) {
        return FormChange.attempt(
                () -> supervision.record(user, VisitFormFields.visit(areaId, form, supervision.items())),
                "inspection.visit.recorded", "/inspection/areas/" + areaId, () -> drawForm(user, areaId, form, model),
                model, response, redirect);
    }

    @GetMapping("/inspection/visits/{id}")
    String visit(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, Model model) {
        model.addAttribute("visit", supervision.visit(user, id));
        return "inspection/visit";
    }

    private String drawForm(HaolinUser user, long areaId, Map<String, String> entered, Model model) {
        model.addAttribute("form", supervision.visitForm(user, areaId));
        model.addAttribute("results", CheckResult.values());
        model.addAttribute("entered", entered);
        return "inspection/visit-form";
    }
}
