package org.haolin.keygroup;

/**
 * How to register the person of an unmatched row: the stairwell and room (the row's parsed ones when left
 * out), and the ID number when the row has none.
 */
public record NewResidentFromRow(Long stairwellId, String room, String idNumber) {
}
