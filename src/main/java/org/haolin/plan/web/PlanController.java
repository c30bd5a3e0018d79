package org.haolin.plan.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.area.ZoneLevel;
import org.haolin.plan.CompoundPlanPage;
import org.haolin.plan.CompoundPlans;
import org.haolin.plan.PlanVersion;
import org.haolin.plan.PostForm;
import org.haolin.platform.DomainException;
import org.haolin.platform.FormChange;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;

/**
 * The plan pages: compounds with their plans, one compound's plan (in force, draft, versions), the draft's edit
 * pages and the A4 print. A refused change redraws its page with the reason and what was typed.
 */
@Controller
class PlanController {

    private final CompoundPlans plans;

    PlanController(CompoundPlans plans) {
        this.plans = plans;
    }

    @ModelAttribute("zoneLevels")
    ZoneLevel[] zoneLevels() {
        return ZoneLevel.values();
    }

    @GetMapping("/plans")
    String list(@AuthenticationPrincipal HaolinUser user, Model model) {
        model.addAttribute("compounds", plans.compounds(user));
        return "plans/list";
    }

    @GetMapping("/plans/compounds/{compoundId}")
    String compound(@AuthenticationPrincipal HaolinUser user, @PathVariable long compoundId, Model model) {
        CompoundPlanPage page = plans.compound(user, compoundId);
        model.addAttribute("page", page);
        return "plans/compound";
    }

    @PostMapping("/plans/compounds/{compoundId}/versions")
    String processNewVersionForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long compoundId, Model model,
                                 HttpServletResponse response, RedirectAttributes redirect) {
        return FormChange.attempt(() -> plans.newVersion(user, compoundId), "plan.done.newVersion",
                "/plans/compounds/" + compoundId, () -> compound(user, compoundId, model), model, response, redirect);
    }

    @GetMapping("/plans/{planId}/edit")
    String edit(@AuthenticationPrincipal HaolinUser user, @PathVariable long planId, Model model) {
        return edit(user, planId, PostForm.blank(), model);
    }

    private String edit(HaolinUser user, long planId, PostForm form, Model model) {
        PlanVersion draft = plans.draft(user, planId);
        model.addAttribute("plan", draft);
        model.addAttribute("form", form);
        model.addAttribute("types", plans.postTypes());
        model.addAttribute("people", plans.people(draft));
        return "plans/edit";
    }

    @PostMapping("/plans/{planId}/note")
    String processNoteForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long planId,
                           @RequestParam int version, @RequestParam(required = false) String note, Model model,
                           HttpServletResponse response, RedirectAttributes redirect) {
        return FormChange.attempt(() -> plans.saveNote(user, planId, version, note), "plan.done.saved",
                editPage(planId), () -> edit(user, planId, PostForm.blank(), model), model, response, redirect);
    }

    @PostMapping("/plans/{planId}/posts")
    String processCreationForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long planId,
                               @RequestParam int version, @ModelAttribute PostForm form, Model model,
                               HttpServletResponse response, RedirectAttributes redirect) {
        return FormChange.attempt(() -> plans.addPost(user, planId, version, form), "plan.done.saved",
                editPage(planId), () -> edit(user, planId, form, model), model, response, redirect);
    }

    @GetMapping("/plans/{planId}/posts/{postId}")
    String post(@AuthenticationPrincipal HaolinUser user, @PathVariable long planId, @PathVariable long postId,
                Model model) {
        PlanVersion draft = plans.draft(user, planId);
        var post = draft.posts().stream().filter(p -> p.id() == postId).findFirst()
                .orElseThrow(() -> DomainException.notFound("plan.post.notFound", postId));
        return post(user, planId, postId, PostForm.of(post), model);
    }

    private String post(HaolinUser user, long planId, long postId, PostForm form, Model model) {
        edit(user, planId, form, model);
        model.addAttribute("postId", postId);
        return "plans/post";
    }

    @PostMapping("/plans/{planId}/posts/{postId}")
    String processUpdateForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long planId,
                             @PathVariable long postId, @RequestParam int version, @ModelAttribute PostForm form,
                             Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return FormChange.attempt(() -> plans.changePost(user, planId, postId, version, form), "plan.done.saved",
                editPage(planId), () -> post(user, planId, postId, form, model), model, response, redirect);
    }

    @PostMapping("/plans/{planId}/posts/{postId}/remove")
    String processRemoveForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long planId,
                             @PathVariable long postId, @RequestParam int version, Model model,
                             HttpServletResponse response, RedirectAttributes redirect) {
        return FormChange.attempt(() -> plans.removePost(user, planId, postId, version), "plan.done.postRemoved",
                editPage(planId), () -> edit(user, planId, PostForm.blank(), model), model, response, redirect);
    }

    @PostMapping("/plans/{planId}/publish")
    String processPublishForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long planId,
                              @RequestParam int version,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate effectiveFrom, Model model, HttpServletResponse response,
                              RedirectAttributes redirect) {
        long compoundId = plans.plan(user, planId).compoundId();
        return FormChange.attempt(() -> plans.publish(user, planId, version, effectiveFrom), "plan.done.published",
                "/plans/compounds/" + compoundId, () -> edit(user, planId, PostForm.blank(), model), model, response,
                redirect);
    }

    @GetMapping("/plans/{planId}/print")
    String print(@AuthenticationPrincipal HaolinUser user, @PathVariable long planId, Model model) {
        model.addAttribute("plan", plans.print(user, planId));
        return "plans/print";
    }

    private static String editPage(long planId) {
        return "/plans/" + planId + "/edit";
    }
}
