package org.haolin.sweep;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One residential area's sweep for one week (its Monday); due by the end of that week. */
public record SweepRound(long id, long townId, long areaId, String areaPath, String areaName, LocalDate week,
                         OffsetDateTime dueAt, String openedByName) {

    public String ref() {
        return "sweep:" + id;
    }

    public boolean pastDue(java.time.Instant now) {
        return !now.isBefore(dueAt.toInstant());
    }
}
