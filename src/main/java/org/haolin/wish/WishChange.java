package org.haolin.wish;

import java.time.OffsetDateTime;

/** One line of a wish's history: the state it left and entered, when, who, and their note. */
public record WishChange(WishState from, WishState to, OffsetDateTime at, String byName, String note) {
}
