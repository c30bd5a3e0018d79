package org.haolin.plan;

/** A plan version is edited as a DRAFT; once PUBLISHED with an effective date it is never changed again. */
public enum PlanState {
    DRAFT, PUBLISHED
}
