package org.haolin.sweep;

import java.time.LocalDate;

/** A stairwell whose sweep is late: this round is past due, or the previous round never completed it. */
public record OverdueStairwell(long roundId, LocalDate week, long stairwellId, String label, Reason reason) {

    public enum Reason { PAST_DUE, PREVIOUS_NOT_COMPLETED }
}
