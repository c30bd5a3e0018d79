package org.haolin.sweep;

import java.util.Set;

/**
 * One save of one resident's mark: the whole mark as its author wants it, and the version they saw (0 when
 * the resident was not marked yet in this round).
 */
public record MarkOrder(long residentId, int seenVersion, Presence presence, Set<Occupation> occupations) {

    public MarkOrder {
        occupations = occupations == null ? Set.of() : Set.copyOf(occupations);
    }
}
