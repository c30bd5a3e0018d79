package org.haolin.keygroup;

/** Which rows of a list to show: all, matched to a resident, waiting for a person (of which ambiguous or unmatched), returned. */
public enum RowFilter {
    ALL, MATCHED, WAITING, AMBIGUOUS, UNMATCHED, RETURNED
}
