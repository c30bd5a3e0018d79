package org.haolin.plan.internal;

import haolin.schema.tables.CompoundPlan;
import org.jooq.Condition;

import java.time.LocalDate;

import static haolin.schema.Tables.COMPOUND_PLAN;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;

/**
 * The one rule for which version of a compound's plan is in force on a day: the published version with the latest
 * effective date on or before it. Every query that needs "the plan in force" carries this condition.
 */
public final class InForce {

    private InForce() {
    }

    /** True for the row of {@code plan} that is its compound's plan in force on the day. */
    public static Condition on(CompoundPlan plan, LocalDate day) {
        var other = COMPOUND_PLAN.as("in_force");
        var latest = select(max(other.EFFECTIVE_FROM)).from(other)
                .where(other.AREA_ID.eq(plan.AREA_ID), other.STATE.eq("PUBLISHED"), other.EFFECTIVE_FROM.le(day));
        return plan.STATE.eq("PUBLISHED").and(plan.EFFECTIVE_FROM.eq(latest));
    }
}
