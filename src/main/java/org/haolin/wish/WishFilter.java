package org.haolin.wish;

/** The town wish list's filters; null means any. areaId: any area, the wish's stairwell or above it. */
public record WishFilter(WishState state, WishRoute route, WishCategory category, Long areaId) {

    public static WishFilter any() {
        return new WishFilter(null, null, null, null);
    }
}
