package org.haolin.screening;

/** Whom a scan found, as the station shows it: masked name and where they live (building, stairwell, room). */
public record ScannedPerson(String maskedName, String place) {
}
