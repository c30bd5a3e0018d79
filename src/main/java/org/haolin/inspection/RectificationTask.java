package org.haolin.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A finding to put right: where, from which visit and item, what, who owns it and by when. Overdue: still with
 * its owner after the due day. changes: the task's history, oldest first (empty in lists).
 */
public record RectificationTask(long id, long townId, long areaId, String areaPath, String areaName, long visitId,
                                InspectionItem item, String description, long ownerId, String ownerName,
                                LocalDate dueOn, TaskState state, boolean overdue, int version,
                                OffsetDateTime createdAt, List<TaskChange> changes) {

    public RectificationTask {
        changes = List.copyOf(changes);
    }
}
