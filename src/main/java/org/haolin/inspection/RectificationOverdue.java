package org.haolin.inspection;

import java.time.LocalDate;

/** A rectification task is still with its owner after its due day (said once per task). */
public record RectificationOverdue(long townId, long areaId, String areaPath, String areaName, long taskId,
                                   long ownerId, String itemNameZh, String itemNameEn, LocalDate dueOn) {
}
