package org.haolin.plan;

import org.haolin.area.ZoneLevel;

import java.util.List;

/**
 * Posts of a compound's plan in force became short of people at its current zone level (after a zone change, a
 * publication or a plan edit): the residential area's staff are to be told. Lists every post short now.
 */
public record PostsShortOfStaff(long townId, long compoundId, String compoundPath, String compoundName,
                                ZoneLevel level, List<Post> posts) {

    public PostsShortOfStaff {
        posts = List.copyOf(posts);
    }

    /** A short post: its name, how many people it needs at the level, how many stand at it. */
    public record Post(String name, int needed, int on) {
    }
}
