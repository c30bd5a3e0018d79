package org.haolin.resident;

/** One line of an area's roster, with the stairwell it belongs to. */
public record ListedResident(long stairwellId, RosterEntry entry) {
}
