package org.haolin.demo.internal;

import java.time.OffsetDateTime;

/** A tag on a generated resident (by index); {@code ended} marks history that was closed, not just planned to end. */
record PlannedTag(int resident, String code, OffsetDateTime validFrom, OffsetDateTime validTo, boolean ended) {
}
