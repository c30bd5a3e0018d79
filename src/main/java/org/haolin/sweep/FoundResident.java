package org.haolin.sweep;

/** A resident a team found living in the stairwell, as typed on the sheet. */
public record FoundResident(String name, String idNumber, String phone, String room) {
}
