package org.haolin.plan.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jooq.DSLContext;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;

import static haolin.schema.Tables.COMPOUND_PLAN;

/**
 * A version published for a later day comes into force at midnight without anyone touching it: just after, the
 * short posts of the compounds whose new version takes effect today are recomputed, one compound (one town) per
 * transaction. Recomputing twice gives the same rows, so a second run does no harm.
 */
@Component
class PlansTakingEffect {

    private final DSLContext db;
    private final ShortageBook shortages;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PlansTakingEffect(DSLContext db, ShortageBook shortages, TransactionTemplate transactions, Clock clock) {
        this.db = db;
        this.shortages = shortages;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(cron = "0 5 0 * * *", zone = "${haolin.zone:Asia/Shanghai}")
    @SchedulerLock(name = "plan.takingEffect")
    void recomputeToday() {
        for (long compoundId : db.selectDistinct(COMPOUND_PLAN.AREA_ID).from(COMPOUND_PLAN)
                .where(COMPOUND_PLAN.STATE.eq("PUBLISHED"), COMPOUND_PLAN.EFFECTIVE_FROM.eq(LocalDate.now(clock)))
                .fetch(COMPOUND_PLAN.AREA_ID)) {
            transactions.executeWithoutResult(status -> shortages.recompute(compoundId));
        }
    }
}
