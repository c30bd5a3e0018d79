package org.haolin.screening;

import java.util.List;

/** A resident to be sampled at home, sampled or not yet, with the tags that put them on the list. */
public record DoorToDoorResident(long residentId, long stairwellId, String stairwellName, String room,
                                 String maskedName, boolean sampled, List<String> tagNames) {
}
