package org.haolin.workforce;

import java.util.Set;

/**
 * A person of the workforce as the rota sees them: where they serve, their rank (null for volunteers and others
 * without one), whether they are a cadre sent down from the town, and how many hours a week they may work.
 */
public record Worker(long personId, long townId, long areaId, String areaPath, String name, String rankCode,
                     boolean cadre, boolean volunteer, Long accountId, int maxHoursWeek, Set<String> skills) {

    public Worker {
        skills = Set.copyOf(skills);
    }
}
