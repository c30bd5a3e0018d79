package org.haolin.screening.internal;

import org.haolin.platform.PlannerStatistics;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.jooq.impl.DSL.field;

/**
 * Each campaign day's scans in a partition of their own (SCALING rule 8), made when a campaign of that day is
 * planned, before the peak: a day can be dropped whole when its time is up, and it has statistics of its own.
 * Made in a transaction of its own that waits at most {@link #LOCK_WAIT} for the scans in flight; if it cannot be
 * made (or the shared default partition already holds rows of that day), the day's scans go there as before.
 * <p>
 * PostgreSQL plans the writer's look-ups from statistics, and a day's scans have none at first: in one shared
 * table, statistics gathered before the day say none of its rows exist; a new partition has none until the
 * background analysis visits it, up to a minute into the peak. Without them it guessed that the town and the
 * day pick out a few rows and read the whole day through the key index for every batch. So a day's table is
 * analysed as soon as its first {@value #FIRST_LOOK} scans are written; the background analysis keeps up after.
 */
@Component
public class ScanPartitions {

    private static final Logger log = LoggerFactory.getLogger(ScanPartitions.class);
    static final String LOCK_WAIT = "2s";
    static final int FIRST_LOOK = 1_000;

    private final DSLContext db;
    private final TransactionTemplate own;
    private final Map<LocalDate, AtomicLong> written = new ConcurrentHashMap<>();

    ScanPartitions(DSLContext db, PlatformTransactionManager transactions) {
        this.db = db;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The table holding the day's scans, once {@link #prepare} made it. */
    public static String name(LocalDate day) {
        return "screening_checkin_d" + day.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** Makes the day's partition unless it exists; answers whether the day has one. */
    public boolean prepare(LocalDate day) {
        String name = name(day);
        if (exists(name)) {
            return true;
        }
        try {
            own.executeWithoutResult(tx -> {
                db.execute("SET LOCAL lock_timeout = '" + LOCK_WAIT + "'");
                db.execute("CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF screening_checkin FOR VALUES FROM ('"
                        + day + "') TO ('" + day.plusDays(1) + "')");
            });
            return true;
        } catch (DataAccessException e) {
            boolean made = exists(name); // another planner of the same day may have made it meanwhile
            if (!made) {
                log.info("Scans of {} stay in the shared partition: {}", day, e.getMostSpecificCause().getMessage());
            }
            return made;
        }
    }

    /** Counts the scans a writer just committed on the day; analyses the day's table once its first scans are in. */
    void written(LocalDate day, int rows) {
        long before = written.computeIfAbsent(day, d -> new AtomicLong()).getAndAdd(rows);
        if (before < FIRST_LOOK && before + rows >= FIRST_LOOK) {
            String table = exists(name(day)) ? name(day) : "screening_checkin_pdefault";
            try {
                PlannerStatistics.refresh(db, DSL.table(DSL.name(table)));
            } catch (DataAccessException e) {
                log.warn("Could not analyse {} after its first scans: {}", table, e.getMessage());
            }
        }
    }

    private boolean exists(String name) {
        return db.fetchValue(field("to_regclass({0}) IS NOT NULL", Boolean.class, name));
    }
}
