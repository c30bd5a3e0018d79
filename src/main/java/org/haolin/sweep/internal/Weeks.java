package org.haolin.sweep.internal;

import org.haolin.platform.HaolinProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;

/** Sweep weeks: ISO weeks starting on Monday in the town's zone, due by the start of the next Monday. */
@Component
public class Weeks {

    private final Clock clock;
    private final HaolinProperties properties;

    Weeks(Clock clock, HaolinProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    public LocalDate thisWeek() {
        return mondayOf(LocalDate.ofInstant(clock.instant(), properties.zone()));
    }

    public OffsetDateTime dueAt(LocalDate monday) {
        return monday.plusWeeks(1).atStartOfDay(properties.zone()).toOffsetDateTime();
    }

    public OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), properties.zone());
    }

    public static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
