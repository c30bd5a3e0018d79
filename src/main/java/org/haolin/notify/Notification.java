package org.haolin.notify;

import java.time.OffsetDateTime;

/** One notification as its recipient reads it, in the reader's language. */
public record Notification(long id, NotificationKind kind, String text, String link, OffsetDateTime createdAt,
                           OffsetDateTime readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
