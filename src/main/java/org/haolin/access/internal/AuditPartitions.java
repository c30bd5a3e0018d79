package org.haolin.access.internal;

import haolin.schema.Routines;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.jooq.exception.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Keeps monthly audit partitions ready for this month and the next three, at start and daily. Making
 * one that exists does nothing, so every node may run it; should two create the same month at the same
 * moment, the loser logs and the next run finds it there.
 */
@Component
public class AuditPartitions {

    static final int MONTHS_AHEAD = 3;
    private static final Logger log = LoggerFactory.getLogger(AuditPartitions.class);

    private final DSLContext db;
    private final Clock clock;

    AuditPartitions(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "0 17 3 * * *")
    public void ensureAhead() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int month = 0; month <= MONTHS_AHEAD; month++) {
            try {
                Routines.auditEventEnsurePartition(db.configuration(), now.plusMonths(month));
            } catch (DataAccessException e) {
                log.warn("Could not make the audit partition for {}: {}", now.plusMonths(month), e.getMessage());
            }
        }
    }
}
