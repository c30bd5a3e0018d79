package org.haolin.screening;

/**
 * Someone sampled into a positive tube: name masked, room, and the stairwell, building and compound they were
 * scanned for. Each needs a single-tube re-test (单管复核).
 */
public record TracedPerson(long residentId, String maskedName, String room, long stairwellId, String stairwell,
                           Long buildingId, String building, Long compoundId, String compound) {
}
