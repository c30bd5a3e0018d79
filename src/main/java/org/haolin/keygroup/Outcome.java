package org.haolin.keygroup;

/** What matching made of a row: one resident, several candidates a person picks from, or nobody. */
public enum Outcome {
    MATCHED, AMBIGUOUS, UNMATCHED
}
