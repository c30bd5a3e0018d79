package org.haolin.plan;

import org.haolin.area.Area;

import java.util.List;
import java.util.Set;

/**
 * Everything about one compound's plan: the version in force today and the draft (each with posts, either may be
 * missing), every version newest first, which posts are short at the current zone level, and whether the reader may
 * change the plan.
 */
public record CompoundPlanPage(Area compound, PlanVersion inForce, PlanVersion draft, List<PlanVersion> history,
                               Set<Long> shortPostIds, boolean mayChange) {

    public CompoundPlanPage {
        history = List.copyOf(history);
        shortPostIds = Set.copyOf(shortPostIds);
    }

    public boolean isShort(long postId) {
        return shortPostIds.contains(postId);
    }
}
