package org.haolin.wish;

/** Where triage sent a wish: to a government service item, or to the public board for claimers. */
public enum WishRoute {
    SERVICE, BOARD
}
