package org.haolin.sweep;

import org.haolin.resident.RosterEntry;

import java.util.Set;

/**
 * One resident on the sweep sheet: the stairwell-list line, this round's mark (null: not marked yet) and the
 * occupations to show (the mark's, or before a mark the resident's current tags).
 */
public record SheetLine(RosterEntry resident, Mark mark, Set<Occupation> occupations) {

    public SheetLine {
        occupations = Set.copyOf(occupations);
    }

    public int version() {
        return mark == null ? 0 : mark.version();
    }

    public Presence presence() {
        return mark == null ? null : mark.presence();
    }

    public boolean marked() {
        return presence() != null;
    }

    public boolean has(Occupation occupation) {
        return occupations.contains(occupation);
    }
}
