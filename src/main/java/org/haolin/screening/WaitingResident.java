package org.haolin.screening;

/** A resident expected and not yet sampled, as the 敲门 list shows them: place and masked name only. */
public record WaitingResident(long residentId, long stairwellId, String stairwellName, String room,
                              String maskedName, boolean doorToDoor, boolean separately) {
}
