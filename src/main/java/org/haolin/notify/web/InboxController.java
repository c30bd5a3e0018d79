package org.haolin.notify.web;

import org.haolin.access.HaolinUser;
import org.haolin.notify.Inbox;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.Locale;

/** The signed-in person's inbox, phone first, and the unread badge every page's menu polls. */
@Controller
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/inbox")
    String list(@AuthenticationPrincipal HaolinUser me, Locale locale, Model model) {
        model.addAttribute("notifications", inbox.list(me, false, locale));
        model.addAttribute("unread", inbox.unreadCount(me));
        return "inbox/list";
    }

    /** A few bytes for the menu's badge, asked for every few seconds: no page, no layout. */
    @GetMapping("/inbox/badge")
    String badge(@AuthenticationPrincipal HaolinUser me, Model model) {
        model.addAttribute("unread", inbox.unreadCount(me));
        return "inbox/badge :: badge";
    }

    @PostMapping("/inbox/{id}/read")
    String processReadForm(@AuthenticationPrincipal HaolinUser me, @PathVariable long id) {
        inbox.markRead(me, id);
        return "redirect:/inbox";
    }

    @PostMapping("/inbox/read-all")
    String processReadAllForm(@AuthenticationPrincipal HaolinUser me) {
        inbox.markAllRead(me);
        return "redirect:/inbox";
    }
}
