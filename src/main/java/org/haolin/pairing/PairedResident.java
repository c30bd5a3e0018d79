package org.haolin.pairing;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A current pairing as a helper's "my residents" or the staff's overdue list shows it: where the resident
 * lives, masked phone, tags, the last contact and when the next one is due.
 */
public record PairedResident(long pairingId, long residentId, String name, String building, String stairwell,
                             String room, String phoneMasked, List<String> tags, String helperName,
                             OffsetDateTime lastCheckInAt, Wellbeing lastWellbeing, OffsetDateTime dueAt,
                             boolean overdue) {

    public PairedResident {
        tags = List.copyOf(tags);
    }
}
