package org.haolin.screening.internal;

/** A sampling point as the scan path needs it: its campaign, town and area. */
public record ScanPoint(long id, long campaignId, long townId, long areaId, String areaPath) {
}
