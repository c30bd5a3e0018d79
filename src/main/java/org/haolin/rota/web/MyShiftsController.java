package org.haolin.rota.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.platform.FormChange;
import org.haolin.rota.MyShifts;
import org.haolin.rota.ShiftStarts;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.UUID;

/**
 * The phone page of one's own shifts, and the protection checklist confirmed at the start of a shift. The
 * checklist form carries a key made when the page was drawn, so sending it twice records once.
 */
@Controller
class MyShiftsController {

    private final MyShifts myShifts;
    private final ShiftStarts shiftStarts;

    MyShiftsController(MyShifts myShifts, ShiftStarts shiftStarts) {
        this.myShifts = myShifts;
        this.shiftStarts = shiftStarts;
    }

    @GetMapping("/my-shifts")
    String show(@AuthenticationPrincipal HaolinUser user, Model model) {
        model.addAttribute("shifts", myShifts.mine(user));
        model.addAttribute("today", myShifts.today());
        return "myshifts/list";
    }

    @GetMapping("/my-shifts/{shiftId}/start")
    String initStartForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long shiftId, Model model) {
        model.addAttribute("shift", myShifts.shift(user, shiftId));
        model.addAttribute("today", myShifts.today());
        model.addAttribute("items", shiftStarts.checklist());
        if (!model.containsAttribute("clientId")) {
            model.addAttribute("clientId", UUID.randomUUID().toString());
        }
        return "myshifts/start";
    }

    @PostMapping("/my-shifts/{shiftId}/start")
    String processStartForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long shiftId,
                            @RequestParam(name = "item", required = false) List<String> items,
                            @RequestParam(required = false) String clientId, Model model,
                            HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("ticked", items == null ? List.of() : items);
        model.addAttribute("clientId", clientId);
        return FormChange.attempt(
                () -> shiftStarts.start(user, shiftId, items, clientId, LocaleContextHolder.getLocale()),
                "shift.start.done", "/my-shifts#shift-" + shiftId, () -> initStartForm(user, shiftId, model), model,
                response, redirect);
    }
}
