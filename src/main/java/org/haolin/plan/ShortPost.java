package org.haolin.plan;

import org.haolin.area.ZoneLevel;

/** A post of a plan in force with fewer people than its compound's current zone level needs. */
public record ShortPost(long residentialAreaId, String residentialAreaName, long compoundId, String compoundName,
                        long postId, String postName, int needed, int on, ZoneLevel level) {
}
