package org.haolin.notify;

/** What a notification is about. */
public enum NotificationKind {
    /** Tags that ask for attention landed on residents of a stairwell. */
    TAGS_LANDED,
    /** A compound's or building's zone level changed. */
    ZONE_LEVEL_CHANGED
}
