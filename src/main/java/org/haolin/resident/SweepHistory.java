package org.haolin.resident;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What the stairwell list needs to know of sweeps, answered by the sweep module (which depends on this one,
 * never the other way round). Without an implementation nothing was ever swept.
 */
public interface SweepHistory {

    /** The stairwell's last completed sweep, if any; one indexed query. */
    Optional<LastSweep> lastSweep(long townId, long stairwellId);

    /** When the stairwell was last swept to completion, and the residents that sweep changed or found. */
    record LastSweep(Instant completedAt, Set<Long> changedResidents) {

        public LastSweep {
            changedResidents = Set.copyOf(changedResidents);
        }
    }

    SweepHistory NONE = (townId, stairwellId) -> Optional.empty();
}
