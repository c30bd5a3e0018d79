package org.haolin.inspection;

import java.time.LocalDate;

/**
 * One checklist item as the supervisor answers it. For a FINDING: the description (required), and optionally
 * who should put it right (default: the area's secretary) and by when (default: in three days).
 */
public record NewCheck(String itemCode, CheckResult result, String note, Long ownerId, LocalDate dueOn) {
}
