package org.haolin.pairing.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.haolin.pairing.PairingNeedsAttention;
import org.haolin.pairing.PairingNeedsAttention.Lapse;
import org.haolin.pairing.PairingNeedsAttention.Reason;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static haolin.schema.Tables.PAIRING;

/**
 * Finds pairings that have just become overdue and says so once per lapse (a check-in clears the mark), town
 * by town, each in its own transaction (SCALING rule 6). Safe to run again: a noticed pairing is not noticed twice.
 */
@Component
public class OverdueWatch {

    private final DSLContext db;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OverdueWatch(DSLContext db, TransactionTemplate tx, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    @SchedulerLock(name = "pairing.overdueWatch")
    public void watch() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Long> towns = db.selectDistinct(PAIRING.TOWN_ID).from(PAIRING)
                .where(PAIRING.ENDED_AT.isNull(), PAIRING.DUE_AT.lt(now), PAIRING.OVERDUE_NOTICED.isFalse())
                .fetch(PAIRING.TOWN_ID);
        towns.forEach(town -> tx.executeWithoutResult(s -> notice(town, now)));
    }

    private void notice(long townId, OffsetDateTime now) {
        List<Lapse> lapses = db.update(PAIRING).set(PAIRING.OVERDUE_NOTICED, true)
                .where(PAIRING.TOWN_ID.eq(townId), PAIRING.ENDED_AT.isNull(), PAIRING.DUE_AT.lt(now),
                        PAIRING.OVERDUE_NOTICED.isFalse())
                .returning(PAIRING.RESIDENT_ID, PAIRING.AREA_ID, PAIRING.AREA_PATH, PAIRING.HELPER_ID)
                .fetch(p -> new Lapse(p.getResidentId(), p.getAreaId(), p.getAreaPath(), p.getHelperId()));
        if (!lapses.isEmpty()) {
            events.publishEvent(new PairingNeedsAttention(townId, Reason.OVERDUE, lapses));
        }
    }
}
