package org.haolin.plan;

import org.haolin.area.ZoneLevel;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * A duty post of one plan version: its type, where it is, what is done there, its point leader, its daily hours,
 * how many people it needs at each zone level (a level not listed needs nobody) and who stands at it.
 */
public record PlanPost(long id, PostType type, String name, String place, String duties, PostPerson leader,
                       LocalTime shiftStart, LocalTime shiftEnd, Map<ZoneLevel, Integer> staffing,
                       List<PostPerson> members) {

    public PlanPost {
        staffing = Map.copyOf(staffing);
        members = List.copyOf(members);
    }

    public int needed(ZoneLevel level) {
        return staffing.getOrDefault(level, 0);
    }

    /** Short at a level when it needs more people than stand at it. */
    public boolean shortAt(ZoneLevel level) {
        return needed(level) > members.size();
    }
}
