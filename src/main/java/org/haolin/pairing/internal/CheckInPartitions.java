package org.haolin.pairing.internal;

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

/** Keeps monthly check-in partitions ready for this month and the next three; making one that exists does nothing. */
@Component
class CheckInPartitions {

    private static final int MONTHS_AHEAD = 3;
    private static final Logger log = LoggerFactory.getLogger(CheckInPartitions.class);

    private final DSLContext db;
    private final Clock clock;

    CheckInPartitions(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "0 23 3 * * *")
    void ensureAhead() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int month = 0; month <= MONTHS_AHEAD; month++) {
            try {
                Routines.ensureMonthPartition(db.configuration(), "check_in", now.plusMonths(month));
            } catch (DataAccessException e) {
                log.warn("Could not make the check-in partition for {}: {}", now.plusMonths(month), e.getMessage());
            }
        }
    }
}
