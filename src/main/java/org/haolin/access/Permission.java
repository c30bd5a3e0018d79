package org.haolin.access;

/** What a role lets a person do, always within the area of the role assignment. */
public enum Permission {
    READ_RESIDENTS,
    EDIT_RESIDENTS,
    UNMASK,
    IMPORT_ROSTER,
    EXPORT_ROSTER,
    MANAGE_AREAS,
    MANAGE_TAGS,
    SET_ZONE_LEVEL,
    READ_AUDIT,
    VIEW_COCKPIT
}
