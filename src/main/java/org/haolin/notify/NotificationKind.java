package org.haolin.notify;

/** What a notification is about. */
public enum NotificationKind {
    /** Tags that ask for attention landed on residents of a stairwell. */
    TAGS_LANDED,
    /** A compound's or building's zone level changed. */
    ZONE_LEVEL_CHANGED,
    /** A paired resident's contact is overdue, or they could not be reached twice in a row. */
    PAIRING_ATTENTION,
    /** A screening tube of people from this stairwell came back positive. */
    POSITIVE_TUBE,
    /** Duty posts of a compound are short of people at its zone level (after a zone change or a plan edit). */
    POSTS_SHORT,
    /** A duty rota with one's shifts was published. */
    ROTA_PUBLISHED,
    /** A shift swap was asked for, approved or refused. */
    SHIFT_SWAP,
    /** A supervision finding became a rectification task, or one is due. */
    RECTIFICATION
}
