package org.haolin.rota;

import java.time.LocalDate;

/** One coming day and the person's wish for it (null: no wish, they may be put on). */
public record DayWish(LocalDate day, WishKind kind) {
}
