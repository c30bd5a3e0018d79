package org.haolin.notify.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.haolin.access.HaolinUser;
import org.haolin.notify.Inbox;
import org.haolin.notify.Notification;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

/** The caller's own notifications over JSON, in the language of Accept-Language. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications")
class NotificationApi {

    private final Inbox inbox;

    NotificationApi(Inbox inbox) {
        this.inbox = inbox;
    }

    record UnreadCount(int unread) {
    }

    record Marked(int marked) {
    }

    @Operation(summary = "My notifications, unread first (at most 100)")
    @GetMapping
    List<Notification> list(@AuthenticationPrincipal HaolinUser me,
                            @RequestParam(defaultValue = "false") boolean unread, Locale locale) {
        return inbox.list(me, unread, locale);
    }

    @Operation(summary = "How many of my notifications are unread")
    @GetMapping("/unread-count")
    UnreadCount unreadCount(@AuthenticationPrincipal HaolinUser me) {
        return new UnreadCount(inbox.unreadCount(me));
    }

    @Operation(summary = "Mark one of my notifications read (anyone else's: 404)")
    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void markRead(@AuthenticationPrincipal HaolinUser me, @PathVariable long id) {
        inbox.markRead(me, id);
    }

    @Operation(summary = "Mark all my notifications read")
    @PostMapping("/read-all")
    Marked markAllRead(@AuthenticationPrincipal HaolinUser me) {
        return new Marked(inbox.markAllRead(me));
    }
}
