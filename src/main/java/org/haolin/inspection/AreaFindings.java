package org.haolin.inspection;

import java.time.LocalDate;

/**
 * A residential area's supervision figures for the cockpit: findings not yet closed, those overdue, those closed
 * this week (from Monday), and the day of the last visit (null: never visited).
 */
public record AreaFindings(long areaId, String areaName, String areaPath, int open, int overdue, int closedThisWeek,
                           LocalDate lastVisit) {
}
