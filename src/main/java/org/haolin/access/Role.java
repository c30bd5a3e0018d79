package org.haolin.access;

import java.util.EnumSet;
import java.util.Set;

import static org.haolin.access.Permission.*;

/** The roles of PRODUCT.md. Each role grants permissions, and a role assignment says on which area. */
public enum Role {
    TOWN_ADMIN(EnumSet.allOf(Permission.class), true),
    EPIDEMIC_OFFICE(EnumSet.of(READ_RESIDENTS, EDIT_RESIDENTS, UNMASK, IMPORT_ROSTER, EXPORT_ROSTER,
            SET_ZONE_LEVEL, VIEW_COCKPIT, PUSH_KEY_GROUP_LISTS, TRIAGE_WISHES, LOG_HOTLINE,
            ORGANISE_SCREENING, ENTER_RESULTS, MANAGE_PLANS, MANAGE_WORKFORCE, MANAGE_ROTA), true),
    SUPERVISOR(EnumSet.of(READ_RESIDENTS, VIEW_COCKPIT, INSPECT), false),
    /** The secretary owns the compound plans, so may also switch their compounds' zone level (平战转换). */
    AREA_SECRETARY(EnumSet.of(READ_RESIDENTS, EDIT_RESIDENTS, UNMASK, IMPORT_ROSTER, EXPORT_ROSTER, VIEW_COCKPIT,
            SET_ZONE_LEVEL,
            SWEEP, ORGANISE_SWEEPS, PAIR_RESIDENTS, CHECK_IN, TRIAGE_WISHES, LOG_HOTLINE,
            ORGANISE_SCREENING, SCREEN, MANAGE_PLANS, MANAGE_WORKFORCE, MANAGE_ROTA), false),
    AREA_DIRECTOR(EnumSet.of(READ_RESIDENTS, EDIT_RESIDENTS, UNMASK, IMPORT_ROSTER, EXPORT_ROSTER, VIEW_COCKPIT,
            SWEEP, ORGANISE_SWEEPS, PAIR_RESIDENTS, CHECK_IN, TRIAGE_WISHES, LOG_HOTLINE,
            ORGANISE_SCREENING, SCREEN, MANAGE_PLANS, MANAGE_WORKFORCE, MANAGE_ROTA), false),
    SOCIAL_WORKER(EnumSet.of(READ_RESIDENTS, EDIT_RESIDENTS, IMPORT_ROSTER, EXPORT_ROSTER, VIEW_COCKPIT,
            SWEEP, ORGANISE_SWEEPS, PAIR_RESIDENTS, CHECK_IN, TRIAGE_WISHES, LOG_HOTLINE,
            ORGANISE_SCREENING, SCREEN, MANAGE_WORKFORCE), false),
    BUILDING_LEADER(EnumSet.of(READ_RESIDENTS, EDIT_RESIDENTS, EXPORT_ROSTER, SWEEP, SCREEN), false),
    PARTY_MEMBER(EnumSet.of(SWEEP, CHECK_IN, SCREEN), false),
    VOLUNTEER(EnumSet.of(SWEEP, SCREEN), false),
    PROPERTY_STAFF(EnumSet.noneOf(Permission.class), false),
    CLAIMER(EnumSet.of(CLAIM_WISHES), false);

    private final Set<Permission> permissions;
    private final boolean secondFactorRequired;

    Role(Set<Permission> permissions, boolean secondFactorRequired) {
        this.permissions = permissions;
        this.secondFactorRequired = secondFactorRequired;
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }

    public boolean secondFactorRequired() {
        return secondFactorRequired;
    }
}
