package org.haolin.rota.internal;

import java.time.LocalDate;
import java.util.Set;

/**
 * A person the solver may put on slots (a problem fact): rank (null for volunteers), the most hours a week, the
 * days they said they cannot work (kept as a hard rule: a promise made to a volunteer is not traded for coverage)
 * and the days they would rather rest (soft).
 */
public record RotaPerson(long id, String name, String rankCode, boolean cadre, int maxHoursWeek,
                         Set<LocalDate> unavailable, Set<LocalDate> prefersRest) {

    public RotaPerson {
        unavailable = Set.copyOf(unavailable);
        prefersRest = Set.copyOf(prefersRest);
    }

    /** The message key of the person's rank, or of "no rank". */
    public String rankKey() {
        return "rota.rank." + (rankCode == null ? "NONE" : rankCode);
    }

    // identity by id: two loads of the same person are the same person for the solver's joins
    @Override
    public boolean equals(Object o) {
        return o instanceof RotaPerson p && p.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return name + "#" + id;
    }
}
