package org.haolin.hotline;

/** A stairwell to pick on the log form, labelled "building stairwell". */
public record StairwellChoice(long id, String label) {
}
