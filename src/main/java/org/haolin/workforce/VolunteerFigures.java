package org.haolin.workforce;

/** Per residential area: volunteers in the pool, those with at least one training, Party members registered. */
public record VolunteerFigures(long areaId, String areaName, int pool, int trained, int partyRegistered) {
}
