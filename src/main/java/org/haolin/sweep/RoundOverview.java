package org.haolin.sweep;

import java.util.List;

/** A round as its organisers see it: coverage, each stairwell's progress, what changed, what is late. */
public record RoundOverview(SweepRound round, Coverage coverage, List<StairwellProgress> stairwells,
                            RoundChanges changes, List<OverdueStairwell> overdue) {

    public RoundOverview {
        stairwells = List.copyOf(stairwells);
        overdue = List.copyOf(overdue);
    }
}
