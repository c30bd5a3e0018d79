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
    VIEW_COCKPIT,
    /** Push key-group lists for the town and see their progress (the epidemic office). */
    PUSH_KEY_GROUP_LISTS,
    /** Walk stairwells in a sweep round, when on the stairwell's sweep team. */
    SWEEP,
    /** Organise sweep rounds and teams for the residential areas in scope. */
    ORGANISE_SWEEPS,
    /** Configure a town's outbound notification channels and see failed deliveries. */
    MANAGE_CHANNELS,
    /** Pair vulnerable residents with helpers and see pairing coverage. */
    PAIR_RESIDENTS,
    /** Record check-ins with the residents one is paired with (helpers; staff for anyone in scope). */
    CHECK_IN,
    /** Triage wishes: route them to a government service item or the public board; see the town's wish list. */
    TRIAGE_WISHES,
    /** See the public wish board, claim and fulfil wishes (claimer organisations). Never resident data. */
    CLAIM_WISHES,
    /** Log hotline calls and messages and follow their requests. */
    LOG_HOTLINE,
    /** Plan screening campaigns, their sampling points and staff; follow their progress and door-to-door lists. */
    ORGANISE_SCREENING,
    /** Scan residents and tubes at a sampling point of a campaign in scope (sampling-point staff). */
    SCREEN,
    /** Enter or import tube results and trace positive tubes (the epidemic office). */
    ENTER_RESULTS,
    /** Keep the compound plans (一小区一方案) of the areas in scope: posts, leaders, staffing per zone level. */
    MANAGE_PLANS,
    /** Keep the workforce (一核四维) and the volunteer pool of the areas in scope: people, training, recruitment. */
    MANAGE_WORKFORCE,
    /** Build, solve and publish duty rotas for the areas in scope, and approve shift swaps. */
    MANAGE_ROTA,
    /** Record supervision visits (包保督查) in the areas in scope and follow their rectification tasks. */
    INSPECT
}
