package org.haolin.keygroup;

import java.time.OffsetDateTime;

/** A list as its readers see it; the counts cover the rows in the reader's scope. */
public record KeyGroupList(long id, long townId, String title, String tagCode, String tagName, String origin,
                           String reference, int rowCount, String createdByName, OffsetDateTime createdAt,
                           OffsetDateTime appliedAt, ListCounts counts) {

    public boolean applied() {
        return appliedAt != null;
    }
}
