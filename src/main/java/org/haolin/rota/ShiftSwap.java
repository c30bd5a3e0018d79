package org.haolin.rota;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A request to hand a shift to someone else, and how staff decided it. */
public record ShiftSwap(long id, long shiftId, long rotaId, LocalDate day, long fromPersonId,
                        String fromName, long toPersonId, String toName, String reason, String state,
                        String refusalKey, String decidedByName, OffsetDateTime createdAt) {
}
