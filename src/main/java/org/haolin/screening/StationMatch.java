package org.haolin.screening;

/** A resident the station's search found among those expected at the point's area. */
public record StationMatch(long residentId, String maskedName, String place, boolean sampled) {
}
