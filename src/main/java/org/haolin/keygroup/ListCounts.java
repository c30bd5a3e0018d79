package org.haolin.keygroup;

/**
 * A list's progress (or one area's share of it): rows in all; matched to a resident (by matching or by a
 * person); waiting for a person (ambiguous or unmatched, not settled), of which unmatched; returned to the
 * office; and rows whose tag was applied.
 */
public record ListCounts(int rows, int matched, int waiting, int ambiguous, int unmatched, int returned, int applied) {
}
