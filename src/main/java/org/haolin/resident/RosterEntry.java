package org.haolin.resident;

import java.util.List;

/**
 * One line of a stairwell list: masked identifiers only. The highlight, when there is one, says why the line
 * stands out since the stairwell's last sweep (null: nothing new).
 */
public record RosterEntry(long residentId, String room, String name, String sex, Integer age, IdType idType,
                          String idNumberMasked, String phoneMasked, ResidenceStatus status, String notes,
                          List<CurrentTag> tags, Highlight highlight) {

    public RosterEntry(long residentId, String room, String name, String sex, Integer age, IdType idType,
                       String idNumberMasked, String phoneMasked, ResidenceStatus status, String notes,
                       List<CurrentTag> tags) {
        this(residentId, room, name, sex, age, idType, idNumberMasked, phoneMasked, status, notes, tags, null);
    }

    public RosterEntry withHighlight(Highlight highlight) {
        return new RosterEntry(residentId, room, name, sex, age, idType, idNumberMasked, phoneMasked, status, notes,
                tags, highlight);
    }

    /** Why a line of the stairwell list is highlighted. */
    public enum Highlight {
        /** A key-group tag began after the stairwell's last completed sweep. */
        NEW_KEY_GROUP,
        /** The last sweep changed this resident (status, tags) or found them. */
        SWEPT_CHANGE
    }
}
