package org.haolin.resident;

/**
 * A resident found by age band, as a recruiter sees them before asking: name masked, room and stairwell to
 * find them, age on the day of the search.
 */
public record AgedResident(long residentId, long stairwellId, String stairwellPath, String room, String nameMasked,
                           int age) {
}
