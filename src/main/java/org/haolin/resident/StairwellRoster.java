package org.haolin.resident;

import org.haolin.area.Area;

import java.util.List;

/** One stairwell, one list (一楼道一名单): every resident by room with their current tags. */
public record StairwellRoster(Area stairwell, List<Area> lineage, List<RosterEntry> entries) {

    public long keyGroups() {
        return tagged(TagCategory.KEY_GROUP);
    }

    public long hardships() {
        return tagged(TagCategory.HARDSHIP);
    }

    public long tagged(TagCategory category) {
        return entries.stream().filter(e -> e.tags().stream().anyMatch(t -> t.category() == category)).count();
    }
}
