package org.haolin.screening.internal;

import java.time.LocalDate;

/** A sampling point as the scan path needs it: its campaign (and the campaign's day), town and area. */
public record ScanPoint(long id, long campaignId, LocalDate campaignDay, long townId, long areaId, String areaPath) {
}
