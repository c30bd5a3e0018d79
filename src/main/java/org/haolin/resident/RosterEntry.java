package org.haolin.resident;

import java.util.List;

/** One line of a stairwell list: masked identifiers only. */
public record RosterEntry(long residentId, String room, String name, String sex, Integer age, IdType idType,
                          String idNumberMasked, String phoneMasked, ResidenceStatus status, String notes,
                          List<CurrentTag> tags) {
}
