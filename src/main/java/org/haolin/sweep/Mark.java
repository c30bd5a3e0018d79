package org.haolin.sweep;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A resident's mark in a round as it stands: where they were found (null until someone says), what they do,
 * who marked it last and when. {@code version} counts the saves; a save must name the version it saw.
 */
public record Mark(long residentId, Presence presence, Set<Occupation> occupations, int version,
                   Long markedBy, String markedByName, OffsetDateTime markedAt, boolean foundNew) {

    public Mark {
        occupations = Set.copyOf(occupations);
    }

    /** The same mark again from the same person: a double tap, not a conflict. */
    public boolean repeats(long accountId, Presence otherPresence, Set<Occupation> otherOccupations) {
        return markedBy != null && markedBy == accountId && sameAs(otherPresence, otherOccupations);
    }

    public boolean sameAs(Presence otherPresence, Set<Occupation> otherOccupations) {
        return presence == otherPresence && occupations.equals(Set.copyOf(otherOccupations));
    }
}
