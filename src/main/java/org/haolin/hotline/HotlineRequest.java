package org.haolin.hotline;

import java.time.OffsetDateTime;

/** A logged call or message; the caller's phone only masked. wishId: the wish it became, if it did. */
public record HotlineRequest(long id, long townId, long stairwellId, String stairwellPath, String stairwellLabel,
                             String callerName, String callerPhoneMasked, String topic, Urgency urgency,
                             RequestStatus status, Long wishId, String loggedByName, OffsetDateTime loggedAt) {
}
