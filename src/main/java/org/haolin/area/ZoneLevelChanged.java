package org.haolin.area;

/** A compound's or building's zone level was raised or lowered: the people of the area are to be told. */
public record ZoneLevelChanged(long townId, long areaId, String areaPath, String areaName, ZoneLevel from,
                               ZoneLevel to, String reason, long changedBy) {
}
