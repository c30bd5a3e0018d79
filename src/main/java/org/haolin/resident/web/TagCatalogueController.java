package org.haolin.resident.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.platform.DomainException;
import org.haolin.platform.FormChange;
import org.haolin.resident.TagCatalogue;
import org.haolin.access.Role;
import org.haolin.resident.TagCategory;
import org.haolin.resident.TagRule;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Set;
import java.util.function.Supplier;

/** The tag catalogue page for town administrators. A refused form comes back with the reason and what was typed. */
@Controller
class TagCatalogueController {

    private final TagCatalogue catalogue;

    TagCatalogueController(TagCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/tags")
    String list(@AuthenticationPrincipal HaolinUser user, Model model) {
        model.addAttribute("tags", catalogue.all(user));
        model.addAttribute("categories", TagCategory.values());
        model.addAttribute("notifiableRoles", TagRule.NOTIFIABLE_ROLES);
        return "tags/catalogue";
    }

    @PostMapping("/tags")
    String processCreationForm(@AuthenticationPrincipal HaolinUser user, @RequestParam(required = false) String code,
                               @RequestParam(required = false) String category,
                               @RequestParam(required = false) String nameZh,
                               @RequestParam(required = false) String nameEn, Model model,
                               HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("newCode", code);
        model.addAttribute("newCategory", category);
        model.addAttribute("newNameZh", nameZh);
        model.addAttribute("newNameEn", nameEn);
        return change(user, model, response, redirect, "tagAdmin.added",
                () -> catalogue.add(user, code, category, nameZh, nameEn));
    }

    @PostMapping("/tags/{id}")
    String processEditForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                           @RequestParam(required = false) String nameZh, @RequestParam(required = false) String nameEn,
                           Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return change(user, model, response, redirect, "tagAdmin.saved", () -> catalogue.rename(user, id, nameZh, nameEn));
    }

    @PostMapping("/tags/{id}/rule")
    String processRuleForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                           @RequestParam(required = false) String attentionDays,
                           @RequestParam(defaultValue = "false") boolean doorToDoor,
                           @RequestParam(defaultValue = "false") boolean screenSeparately,
                           @RequestParam(required = false) Set<Role> notifyRoles, Model model,
                           HttpServletResponse response, RedirectAttributes redirect) {
        return change(user, model, response, redirect, "tagAdmin.ruleSaved", () -> catalogue.changeRule(user, id,
                new TagRule(days(attentionDays), doorToDoor, screenSeparately, notifyRoles)));
    }

    @PostMapping("/tags/{id}/active")
    String processActiveForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                             @RequestParam boolean active, Model model, HttpServletResponse response,
                             RedirectAttributes redirect) {
        return change(user, model, response, redirect, active ? "tagAdmin.reactivated" : "tagAdmin.retired",
                () -> catalogue.setActive(user, id, active));
    }

    private static Integer days(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("tagAdmin.attentionDays.invalid", TagRule.MAX_ATTENTION_DAYS);
        }
    }

    private String change(HaolinUser user, Model model, HttpServletResponse response, RedirectAttributes redirect,
                          String doneKey, Supplier<?> change) {
        return FormChange.attempt(change::get, doneKey, "/tags", () -> list(user, model), model, response, redirect);
    }
}
