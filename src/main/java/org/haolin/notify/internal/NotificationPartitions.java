package org.haolin.notify.internal;

import haolin.schema.Routines;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Keeps monthly notification partitions ready for this month and the next three, at start and daily (as the
 * audit trail's). Making one that exists does nothing, so every node may run it.
 */
@Component
class NotificationPartitions {

    static final int MONTHS_AHEAD = 3;
    private static final Logger log = LoggerFactory.getLogger(NotificationPartitions.class);

    private final DSLContext db;
    private final Clock clock;

    NotificationPartitions(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "0 19 3 * * *")
    void ensureAhead() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int month = 0; month <= MONTHS_AHEAD; month++) {
            try {
                Routines.ensureMonthPartition(db.configuration(), "notification", now.plusMonths(month));
            } catch (DataAccessException e) {
                log.warn("Could not make the notification partition for {}: {}", now.plusMonths(month), e.getMessage());
            }
        }
    }
}
