package org.haolin.pairing;

import java.time.OffsetDateTime;

/** A recorded contact. */
public record CheckIn(long id, long residentId, String helperName, Channel channel, OffsetDateTime contactedAt,
                      Wellbeing wellbeing, String notes, String need, OffsetDateTime recordedAt) {
}
