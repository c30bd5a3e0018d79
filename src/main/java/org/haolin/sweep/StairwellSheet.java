package org.haolin.sweep;

import org.haolin.area.Area;

import java.time.OffsetDateTime;
import java.util.List;

/** What a team member walks: the stairwell's residents room by room with this round's marks. */
public record StairwellSheet(SweepRound round, Area stairwell, List<Area> lineage, List<SheetLine> lines,
                             List<TeamMember> team, OffsetDateTime completedAt, String completedByName) {

    public StairwellSheet {
        lines = List.copyOf(lines);
        team = List.copyOf(team);
    }

    public long unmarked() {
        return lines.stream().filter(l -> !l.marked() && SweepRules.needsMark(l)).count();
    }

    public boolean completed() {
        return completedAt != null;
    }
}
