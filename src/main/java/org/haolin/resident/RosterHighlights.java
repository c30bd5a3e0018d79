package org.haolin.resident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Marks the lines of a stairwell list that changed since its last sweep: a key-group tag that began after it
 * (the more urgent reason, so it wins), or a resident the last sweep changed or found. A stairwell never swept
 * to completion counts a week back, the sweeps' rhythm, so a new list entry still stands out there.
 */
final class RosterHighlights {

    static final Duration NEVER_SWEPT_LOOK_BACK = Duration.ofDays(7);

    private RosterHighlights() {
    }

    static List<RosterEntry> apply(List<RosterEntry> entries, Optional<SweepHistory.LastSweep> last, Instant now) {
        Instant since = last.map(SweepHistory.LastSweep::completedAt).orElse(now.minus(NEVER_SWEPT_LOOK_BACK));
        return entries.stream().map(e -> e.withHighlight(reason(e, since, last))).toList();
    }

    private static RosterEntry.Highlight reason(RosterEntry e, Instant since, Optional<SweepHistory.LastSweep> last) {
        boolean newKeyGroup = e.tags().stream().anyMatch(t -> t.category() == TagCategory.KEY_GROUP
                && t.validFrom().toInstant().isAfter(since));
        if (newKeyGroup) {
            return RosterEntry.Highlight.NEW_KEY_GROUP;
        }
        boolean swept = last.map(l -> l.changedResidents().contains(e.residentId())).orElse(false);
        return swept ? RosterEntry.Highlight.SWEPT_CHANGE : null;
    }
}
