package org.haolin.workforce.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.platform.FormChange;
import org.haolin.resident.ResidentQuery;
import org.haolin.resident.Residents;
import org.haolin.workforce.Person;
import org.haolin.workforce.PersonForm;
import org.haolin.workforce.Rank;
import org.haolin.workforce.Volunteers;
import org.haolin.workforce.WorkforceRegister;
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
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The workforce pages: the managed areas, one area's core and four forces, one person. */
@Controller
class WorkforceController {

    private final WorkforceRegister register;
    private final Volunteers volunteers;
    private final Residents residents;

    WorkforceController(WorkforceRegister register, Volunteers volunteers, Residents residents) {
        this.register = register;
        this.volunteers = volunteers;
        this.residents = residents;
    }

    @GetMapping("/workforce")
    String overview(@AuthenticationPrincipal HaolinUser user, Model model) {
        model.addAttribute("workforces", register.overview(user));
        model.addAttribute("ranks", ranks());
        return "workforce/overview";
    }

    @GetMapping("/workforce/areas/{areaId}")
    String area(@AuthenticationPrincipal HaolinUser user, @PathVariable long areaId, Model model) {
        model.addAttribute("workforce", register.area(user, areaId));
        model.addAttribute("ranks", ranks());
        return "workforce/area";
    }

    @PostMapping("/workforce/areas/{areaId}/people")
    String processCreationForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long areaId, PersonForm form,
                               Model model, HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("form", form);
        return FormChange.attempt(() -> register.add(user, areaId, form), "workforce.saved",
                "/workforce/areas/" + areaId, () -> area(user, areaId, model), model, response, redirect);
    }

    @PostMapping("/workforce/areas/{areaId}/organisations/{organisationId}")
    String processRenameForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long areaId,
                             @PathVariable long organisationId, @RequestParam(required = false) String name,
                             Model model, HttpServletResponse response, RedirectAttributes redirect) {
        register.area(user, areaId); // the area in the path must be the reader's too
        return FormChange.attempt(() -> register.renameOrganisation(user, organisationId, name), "workforce.saved",
                "/workforce/areas/" + areaId, () -> area(user, areaId, model), model, response, redirect);
    }

    @GetMapping("/workforce/people/{id}")
    String person(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                  @RequestParam(required = false) String q, Model model) {
        Person person = register.person(user, id);
        model.addAttribute("person", person);
        model.addAttribute("version", register.version(user, id));
        model.addAttribute("workforce", register.area(user, person.areaId()));
        model.addAttribute("ranks", ranks());
        model.addAttribute("trainings", register.trainings(user, id));
        model.addAttribute("accounts", register.linkableAccounts(user, person.areaId()));
        model.addAttribute("q", q);
        if (q != null && !q.isBlank()) {
            model.addAttribute("found", residents.search(user, new ResidentQuery(q, null, person.areaId(), 20)));
        }
        return "workforce/person";
    }

    @PostMapping("/workforce/people/{id}")
    String processUpdateForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                             @RequestParam(defaultValue = "0") int version, PersonForm form, Model model,
                             HttpServletResponse response, RedirectAttributes redirect) {
        return FormChange.attempt(() -> register.update(user, id, version, form), "workforce.saved",
                "/workforce/people/" + id, () -> person(user, id, null, model), model, response, redirect);
    }

    @PostMapping("/workforce/people/{id}/training")
    String processTrainingForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                               @RequestParam(required = false) String course,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate completedOn, @RequestParam(required = false) String note, Model model,
                               HttpServletResponse response, RedirectAttributes redirect) {
        return FormChange.attempt(() -> register.addTraining(user, id, course, completedOn, note),
                "workforce.training.saved", "/workforce/people/" + id, () -> person(user, id, null, model), model,
                response, redirect);
    }

    @PostMapping("/workforce/people/{id}/unmask")
    String processUnmaskForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                             @RequestParam(required = false) String reason, Model model,
                             HttpServletResponse response, RedirectAttributes redirect) {
        String[] phone = new String[1];
        String page = FormChange.attempt(() -> phone[0] = register.unmaskPhone(user, id, reason), "workforce.saved",
                "/workforce/people/" + id, () -> person(user, id, null, model), model, response, redirect);
        if (phone[0] == null) {
            return page;
        }
        model.addAttribute("phone", phone[0]); // shown once, on this answer only
        return person(user, id, null, model);
    }

    @PostMapping("/workforce/people/{id}/withdraw")
    String processWithdrawForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, Model model,
                               HttpServletResponse response, RedirectAttributes redirect) {
        return FormChange.attempt(() -> volunteers.withdraw(user, id), "volunteer.withdrawn",
                "/workforce/people/" + id, () -> person(user, id, null, model), model, response, redirect);
    }

    private Map<String, Rank> ranks() {
        return register.ranks().stream().collect(Collectors.toMap(Rank::code, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
