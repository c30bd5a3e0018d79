package org.haolin.wish;

import java.time.LocalDate;

/** A wish as staff enter it for a resident. */
public record NewWish(Long residentId, WishCategory category, String description, LocalDate neededBy) {
}
