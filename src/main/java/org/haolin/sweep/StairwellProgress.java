package org.haolin.sweep;

import java.time.OffsetDateTime;
import java.util.List;

/** One stairwell's progress in a round: how many residents are marked, whether it is complete, its team. */
public record StairwellProgress(long roundId, long stairwellId, String label, int residents, int marked,
                                OffsetDateTime completedAt, String completedByName, List<TeamMember> team) {

    public StairwellProgress {
        team = List.copyOf(team);
    }

    public boolean completed() {
        return completedAt != null;
    }
}
