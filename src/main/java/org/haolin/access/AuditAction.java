package org.haolin.access;

/** What was done to resident data (or to access itself). */
public enum AuditAction {
    LIST, READ, SEARCH, CREATE, UPDATE, TAG_ADD, TAG_END, EXPORT, IMPORT, UNMASK,
    LOGIN, LOGIN_FAILED, ACCOUNT_CHANGE, ZONE_LEVEL_CHANGE, AREA_CHANGE,
    KEY_GROUP_LIST, SWEEP_MARK, NOTIFICATION_SETTINGS,
    PAIRING, CHECK_IN, WISH, HOTLINE
}
