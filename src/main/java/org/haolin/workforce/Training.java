package org.haolin.workforce;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A training a person of the workforce completed. */
public record Training(long id, long personId, String course, LocalDate completedOn, String note, String recordedBy,
                       OffsetDateTime recordedAt) {
}
