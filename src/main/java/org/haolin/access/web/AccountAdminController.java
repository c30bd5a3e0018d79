package org.haolin.access.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.AccountAdministration;
import org.haolin.access.HaolinUser;
import org.haolin.access.Role;
import org.haolin.platform.DomainException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The system administrator's account pages; {@link AccountAdministration} refuses everyone else. */
@Controller
@RequestMapping("/admin/accounts")
class AccountAdminController {

    private static final int LIST_LIMIT = 200;

    private final AccountAdministration admin;

    AccountAdminController(AccountAdministration admin) {
        this.admin = admin;
    }

    @GetMapping
    String list(@AuthenticationPrincipal HaolinUser me, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("accounts", admin.list(me, q, LIST_LIMIT));
        model.addAttribute("q", q);
        return "admin/accounts";
    }

    @PostMapping
    String processCreationForm(@AuthenticationPrincipal HaolinUser me, @RequestParam(required = false) String username,
                               @RequestParam(required = false) String displayName,
                               @RequestParam(required = false) String password,
                               @RequestParam(defaultValue = "false") boolean systemAdmin, Model model,
                               HttpServletResponse response, RedirectAttributes redirect) {
        long id;
        try {
            id = admin.create(me, username, displayName, password, systemAdmin);
        } catch (DomainException refused) {
            Refusals.show(refused, model, response);
            model.addAttribute("username", username);
            model.addAttribute("displayName", displayName);
            return list(me, null, model);
        }
        redirect.addFlashAttribute("done", "admin.account.created");
        return "redirect:/admin/accounts/" + id;
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal HaolinUser me, @PathVariable long id,
                @RequestParam(required = false) String area, Model model) {
        model.addAttribute("account", admin.account(me, id));
        model.addAttribute("roles", Role.values());
        model.addAttribute("area", area);
        if (area != null && !area.isBlank()) {
            model.addAttribute("areaMatches", admin.findAreas(me, area));
        }
        return "admin/account";
    }

    @PostMapping("/{id}/enabled")
    String processEnabledForm(@AuthenticationPrincipal HaolinUser me, @PathVariable long id,
                              @RequestParam boolean enabled, Model model, HttpServletResponse response,
                              RedirectAttributes redirect) {
        return change(me, id, model, response, redirect, enabled ? "admin.account.enabled" : "admin.account.disabled",
                () -> admin.setEnabled(me, id, enabled));
    }

    @PostMapping("/{id}/unlock")
    String processUnlockForm(@AuthenticationPrincipal HaolinUser me, @PathVariable long id, Model model,
                             HttpServletResponse response, RedirectAttributes redirect) {
        return change(me, id, model, response, redirect, "admin.account.unlocked", () -> admin.unlock(me, id));
    }

    @PostMapping("/{id}/second-factor/reset")
    String processResetSecondFactorForm(@AuthenticationPrincipal HaolinUser me, @PathVariable long id, Model model,
                                        HttpServletResponse response, RedirectAttributes redirect) {
        return change(me, id, model, response, redirect, "admin.account.secondFactorReset",
                () -> admin.resetSecondFactor(me, id));
    }

    @PostMapping("/{id}/roles")
    String processRoleForm(@AuthenticationPrincipal HaolinUser me, @PathVariable long id,
                           @RequestParam(required = false) Role role, @RequestParam(required = false) Long areaId,
                           Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return change(me, id, model, response, redirect, "admin.role.assigned", () -> {
            if (areaId == null) {
                throw DomainException.invalid("admin.area.required");
            }
            admin.assign(me, id, role, areaId);
        });
    }

    @PostMapping("/{id}/roles/{assignment}/remove")
    String processRemoveRoleForm(@AuthenticationPrincipal HaolinUser me, @PathVariable long id,
                                 @PathVariable long assignment, Model model, HttpServletResponse response,
                                 RedirectAttributes redirect) {
        return change(me, id, model, response, redirect, "admin.role.removed",
                () -> admin.removeAssignment(me, id, assignment));
    }

    /** Runs a change; on success back to the account with a note, on refusal the account page with the reason. */
    private String change(HaolinUser me, long id, Model model, HttpServletResponse response,
                          RedirectAttributes redirect, String doneKey, Runnable change) {
        try {
            change.run();
        } catch (DomainException refused) {
            if (refused.status().value() == 403) {
                throw refused;
            }
            Refusals.show(refused, model, response);
            return show(me, id, null, model);
        }
        redirect.addFlashAttribute("done", doneKey);
        return "redirect:/admin/accounts/" + id;
    }
}
