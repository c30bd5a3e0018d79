package org.haolin.rota;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A rota over a residential area (or the whole town) from its first day for a number of days. */
public record Rota(long id, long townId, long areaId, String areaPath, String areaName, String name,
                   LocalDate firstDay, int days, RotaState state, String score, List<RotaProblem> problems,
                   String createdByName, OffsetDateTime createdAt, OffsetDateTime solvedAt,
                   OffsetDateTime publishedAt) {

    public Rota {
        problems = List.copyOf(problems);
    }

    public LocalDate lastDay() {
        return firstDay.plusDays(days - 1L);
    }
}
