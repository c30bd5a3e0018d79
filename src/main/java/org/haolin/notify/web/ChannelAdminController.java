package org.haolin.notify.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.area.Area;
import org.haolin.notify.Channels;
import org.haolin.platform.DomainException;
import org.haolin.platform.FormChange;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * /admin/channels for town administrators: the town's SMTP server and webhooks, a test message, and the
 * deliveries that fail. A refused form comes back with the reason; another town's channels are "not found".
 */
@Controller
class ChannelAdminController {

    private final Channels channels;

    ChannelAdminController(Channels channels) {
        this.channels = channels;
    }

    @GetMapping("/admin/channels")
    String show(@AuthenticationPrincipal HaolinUser user, @RequestParam(required = false) Long town, Model model) {
        List<Area> towns = channels.towns(user);
        if (towns.isEmpty()) {
            throw DomainException.notFound("notify.town.notFound", town == null ? "" : town);
        }
        long shown = town == null ? towns.getFirst().id() : town;
        model.addAttribute("towns", towns);
        model.addAttribute("settings", channels.settings(user, shown));
        return "admin/channels";
    }

    @PostMapping("/admin/channels/smtp")
    String processSmtpForm(@AuthenticationPrincipal HaolinUser user, @RequestParam long town,
                           @RequestParam(required = false) String host, @RequestParam(required = false) String port,
                           @RequestParam(required = false) String from,
                           @RequestParam(required = false) String username,
                           @RequestParam(required = false) String password,
                           @RequestParam(defaultValue = "false") boolean starttls,
                           @RequestParam(defaultValue = "false") boolean removePassword, Model model,
                           HttpServletResponse response, RedirectAttributes redirect) {
        return change(user, town, model, response, redirect, "notify.smtp.saved", () -> channels.saveSmtp(user, town,
                new Channels.SmtpForm(host, number(port), from, username, password, starttls, removePassword)));
    }

    @PostMapping("/admin/channels/webhooks")
    String processWebhookForm(@AuthenticationPrincipal HaolinUser user, @RequestParam long town,
                              @RequestParam(required = false) String name, @RequestParam(required = false) String url,
                              @RequestParam(required = false) Long area, Model model, HttpServletResponse response,
                              RedirectAttributes redirect) {
        model.addAttribute("newName", name);
        return change(user, town, model, response, redirect, "notify.webhook.added",
                () -> channels.addWebhook(user, town, name, url, area));
    }

    @PostMapping("/admin/channels/webhooks/{id}/delete")
    String processWebhookRemoval(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                                 @RequestParam(required = false) Long town, RedirectAttributes redirect) {
        channels.removeWebhook(user, id);
        redirect.addFlashAttribute("done", "notify.webhook.removed");
        return "redirect:" + page(town);
    }

    @PostMapping("/admin/channels/test")
    String processTestForm(@AuthenticationPrincipal HaolinUser user, @RequestParam long town,
                           @RequestParam(required = false) String email, Model model, HttpServletResponse response,
                           RedirectAttributes redirect) {
        return change(user, town, model, response, redirect, "notify.test.sent",
                () -> redirect.addFlashAttribute("testOutcomes", channels.sendTest(user, town, email)));
    }

    @PostMapping("/admin/channels/deliveries/{id}/retry")
    String processRetryForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                            @RequestParam(required = false) Long town, RedirectAttributes redirect) {
        channels.retry(user, id);
        redirect.addFlashAttribute("done", "notify.delivery.retrying");
        return "redirect:" + page(town);
    }

    private String change(HaolinUser user, long town, Model model, HttpServletResponse response,
                          RedirectAttributes redirect, String doneKey, Runnable change) {
        return FormChange.attempt(change, doneKey, page(town),
                () -> show(user, town, model), model, response, redirect);
    }

    private static String page(Long town) {
        return town == null ? "/admin/channels" : "/admin/channels?town=" + town;
    }

    private static Integer number(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
