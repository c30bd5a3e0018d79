package org.haolin.rota.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.platform.DomainException;
import org.haolin.rota.Rota;
import org.haolin.rota.RotaProblem;
import org.haolin.rota.RotaState;
import org.haolin.rota.Rotas;
import org.haolin.rota.ShiftSwaps;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.List;

/** The rota pages: rotas in scope with the new-rota form, one rota's grid (polling while it is solved), one shift. */
@Controller
class RotaController {

    private final Rotas rotas;
    private final ShiftSwaps swaps;
    private final MessageSource messages;

    RotaController(Rotas rotas, ShiftSwaps swaps, MessageSource messages) {
        this.rotas = rotas;
        this.swaps = swaps;
        this.messages = messages;
    }

    @GetMapping("/rotas")
    String list(@AuthenticationPrincipal HaolinUser user, Model model) {
        model.addAttribute("rotas", rotas.list(user));
        model.addAttribute("areas", rotas.areasForRota(user));
        model.addAttribute("defaultDays", Rotas.DEFAULT_DAYS);
        return "rota/list";
    }

    @PostMapping("/rotas")
    String processCreationForm(@AuthenticationPrincipal HaolinUser user, @RequestParam(required = false) Long areaId,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate firstDay, @RequestParam(required = false) Integer days,
                               @RequestParam(required = false) String name) {
        return "redirect:/rotas/" + rotas.create(user, areaId, firstDay, days, name);
    }

    @GetMapping("/rotas/{id}")
    String show(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, Model model) {
        Rota rota = rotas.rota(user, id);
        model.addAttribute("rota", rota);
        model.addAttribute("problems", texts(rota.problems()));
        model.addAttribute("grid", RotaGrid.of(rota, rotas.shifts(user, id)));
        model.addAttribute("swaps", swaps.of(user, id, "REQUESTED"));
        return "rota/show";
    }

    /** Polled every 2 s while the rota is solved; once done, the page reloads itself. */
    @GetMapping("/rotas/{id}/state")
    String state(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, Model model,
                 HttpServletResponse response) {
        Rota rota = rotas.rota(user, id);
        if (rota.state() != RotaState.SOLVING) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("rota", rota);
        return "rota/show :: solving";
    }

    @PostMapping("/rotas/{id}/solve")
    String processSolveForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        rotas.solve(user, id);
        return "redirect:/rotas/" + id;
    }

    @PostMapping("/rotas/{id}/publish")
    String processPublishForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        rotas.publish(user, id);
        return "redirect:/rotas/" + id;
    }

    @GetMapping("/rotas/{id}/shifts/{shiftId}")
    String shift(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, @PathVariable long shiftId,
                 Model model) {
        model.addAttribute("rota", rotas.rota(user, id));
        model.addAttribute("shift", rotas.shift(user, id, shiftId));
        model.addAttribute("candidates", rotas.candidates(user, id, shiftId));
        return "rota/shift";
    }

    @PostMapping("/rotas/{id}/shifts/{shiftId}")
    String processShiftForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                            @PathVariable long shiftId, @RequestParam(required = false) Long personId, Model model,
                            HttpServletResponse response) {
        try {
            rotas.reassign(user, id, shiftId, personId);
            return "redirect:/rotas/" + id;
        } catch (DomainException refused) {
            if (refused.status().value() == 404) {
                throw refused;
            }
            response.setStatus(refused.status().value());
            model.addAttribute("refusal", messages.getMessage(refused.messageKey(), refused.args(),
                    refused.messageKey(), LocaleContextHolder.getLocale()));
            return shift(user, id, shiftId, model);
        }
    }

    @PostMapping("/rotas/{id}/swaps/{swapId}/approve")
    String processApproveForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                              @PathVariable long swapId) {
        rotas.rota(user, id);
        swaps.approve(user, swapId);
        return "redirect:/rotas/" + id;
    }

    @PostMapping("/rotas/{id}/swaps/{swapId}/refuse")
    String processRefuseForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                             @PathVariable long swapId) {
        rotas.rota(user, id);
        swaps.refuse(user, swapId);
        return "redirect:/rotas/" + id;
    }

    private List<String> texts(List<RotaProblem> problems) {
        return problems.stream().map(p -> messages.getMessage(p.key(),
                p.args().stream().map(Rotas::messageArg).toArray(), p.key(), LocaleContextHolder.getLocale())).toList();
    }
}
