package org.haolin.screening;

import org.haolin.area.Area;

import java.util.List;

/** A building's two lists in a campaign: who has not been sampled yet, and who is sampled at their door. */
public record BuildingLists(Campaign campaign, Area building, List<WaitingResident> notSampled,
                            List<DoorToDoorResident> doorToDoor) {
}
