package org.haolin.wish;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One wish as staff see it. The resident's name and room are here for staff and helpers only; the board uses
 * {@link BoardWish}, which has neither.
 */
public record Wish(long id, long townId, long areaId, String areaPath, String areaLabel, String compoundName,
                   long residentId, String residentName, String room, WishCategory category, String description,
                   LocalDate neededBy, WishOrigin origin, WishState state, Long serviceItemId, String serviceItemName,
                   OffsetDateTime promisedBy, Long claimedBy, String claimedByOrg, String fulfilNote,
                   String createdByName, OffsetDateTime createdAt, OffsetDateTime fulfilledAt, int version) {

    /** Past its needed-by day and not fulfilled yet. */
    public boolean overdue(LocalDate today) {
        return neededBy != null && today.isAfter(neededBy) && state.open();
    }

    /** Where triage sent it; null while nobody has triaged it. */
    public WishRoute route() {
        if (serviceItemId != null) {
            return WishRoute.SERVICE;
        }
        return state == WishState.NEW || state == WishState.REOPENED ? null : WishRoute.BOARD;
    }
}
