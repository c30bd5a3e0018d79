package org.haolin.inspection;

import java.time.LocalDate;

/**
 * A rectification task landed with its owner: made from a finding, or reopened because it was not put right.
 * The item's names in both languages let the notice speak the reader's; the description stays behind the link.
 */
public record RectificationAssigned(long townId, long areaId, String areaPath, String areaName, long taskId,
                                    long ownerId, String itemNameZh, String itemNameEn, LocalDate dueOn,
                                    boolean reopened) {
}
