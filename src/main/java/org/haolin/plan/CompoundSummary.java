package org.haolin.plan;

import org.haolin.area.ZoneLevel;

import java.time.LocalDate;

/** A compound on the plans list: its zone level, the version in force (if any), whether a draft waits, short posts. */
public record CompoundSummary(long compoundId, String name, ZoneLevel level, Integer versionInForce,
                              LocalDate effectiveFrom, boolean draftWaiting, int shortPosts) {

    public boolean hasPlan() {
        return versionInForce != null;
    }
}
