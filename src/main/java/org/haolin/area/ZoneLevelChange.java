package org.haolin.area;

import java.time.OffsetDateTime;

public record ZoneLevelChange(long areaId, ZoneLevel from, ZoneLevel to, String reason, String changedBy,
                              OffsetDateTime changedAt) {
}
