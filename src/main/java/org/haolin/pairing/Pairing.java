package org.haolin.pairing;

import java.time.OffsetDateTime;

/** One pairing, current (no end) or past. */
public record Pairing(long id, long residentId, long helperId, String helperName, OffsetDateTime startedAt,
                      String startedByName, OffsetDateTime endedAt, String endedByName, String endReason,
                      int frequencyDays, OffsetDateTime dueAt) {

    public boolean current() {
        return endedAt == null;
    }
}
