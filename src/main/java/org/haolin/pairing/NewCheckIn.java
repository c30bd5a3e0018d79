package org.haolin.pairing;

import java.time.OffsetDateTime;

/** A contact as the helper records it; contactedAt null means now. */
public record NewCheckIn(long residentId, Channel channel, OffsetDateTime contactedAt, Wellbeing wellbeing,
                         String notes, String need) {
}
