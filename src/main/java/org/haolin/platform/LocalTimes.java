package org.haolin.platform;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times as people read them: in the town's zone (the clock's), whatever offset the database returned.
 * Pages use it as {@code ${@localTimes.format(value, 'yyyy-MM-dd HH:mm')}}.
 */
@Component("localTimes")
public class LocalTimes {

    private final Clock clock;
    /** The few patterns pages and answers use, each parsed once (a scan's answer formats one). */
    private final Map<String, DateTimeFormatter> formatters = new ConcurrentHashMap<>();

    LocalTimes(Clock clock) {
        this.clock = clock;
    }

    public String format(TemporalAccessor time, String pattern) {
        if (time == null) {
            return "";
        }
        DateTimeFormatter formatter = formatters.computeIfAbsent(pattern, DateTimeFormatter::ofPattern);
        return switch (time) {
            case OffsetDateTime t -> t.atZoneSameInstant(clock.getZone()).format(formatter);
            case ZonedDateTime t -> t.withZoneSameInstant(clock.getZone()).format(formatter);
            case Instant t -> t.atZone(clock.getZone()).format(formatter);
            default -> formatter.format(time);
        };
    }
}
