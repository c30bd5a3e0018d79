package org.haolin.keygroup;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One row of a list, identifiers masked. {@code place} names where the row stands so far (the matched
 * resident's stairwell, or the area its address or candidates share).
 */
public record ListRowView(long id, long listId, int row, String name, String idNumberMasked, String phoneMasked,
                          String address, String room, LocalDate from, LocalDate to, RowStatus status,
                          Outcome outcome, MatchedBy matchedBy, Long residentId, String place, int candidates,
                          Resolution resolution, String returnReason, String resolvedByName,
                          OffsetDateTime appliedAt) {

    /** Still waiting for a person: ambiguous or unmatched, and neither settled nor returned. */
    public boolean waiting() {
        return residentId == null && resolution == null;
    }
}
