package org.haolin.inspection;

import java.time.OffsetDateTime;
import java.util.List;

/** A recorded visit to a residential area, with its checklist (empty in lists) and how many findings it had. */
public record Visit(long id, long townId, long areaId, String areaPath, String areaName, String supervisorName,
                    OffsetDateTime visitedAt, String note, int findings, List<Check> checks) {

    public Visit {
        checks = List.copyOf(checks);
    }
}
