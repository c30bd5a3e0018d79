package org.haolin.plan;

import java.util.List;

/** The short posts a person may see: how many per residential area, and the posts themselves. */
public record ShortPosts(List<AreaCount> perArea, List<ShortPost> posts) {

    public ShortPosts {
        perArea = List.copyOf(perArea);
        posts = List.copyOf(posts);
    }

    public record AreaCount(long residentialAreaId, String residentialAreaName, int shortPosts) {
    }
}
