package org.haolin.wish;

import java.time.LocalDate;

/**
 * A wish as a claimer sees it: only what is needed to help (what, where at compound level, by when), never who.
 * mine: claimed by the reader, who may now fulfil it.
 */
public record BoardWish(long id, WishCategory category, String description, String compoundName, LocalDate neededBy,
                        WishState state, boolean mine, String fulfilNote) {
}
