package org.haolin.plan;

import org.haolin.area.ZoneLevel;

import java.time.LocalTime;
import java.util.List;

/**
 * A duty post of a plan in force, as the rota sees it: its compound, its daily hours, how many people it needs at
 * the compound's current zone level, and the people standing at it.
 */
public record PostDemand(long postId, long townId, long compoundId, String compoundPath, String compoundName,
                         String name, String typeCode, LocalTime start, LocalTime end, ZoneLevel zoneLevel,
                         int peopleNeeded, List<Long> memberPersonIds) {

    public PostDemand {
        memberPersonIds = List.copyOf(memberPersonIds);
    }
}
