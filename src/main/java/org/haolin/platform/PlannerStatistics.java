package org.haolin.platform;

import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * After one statement wrote many rows (a town's expected population, everybody's personal code), the planner's
 * picture of the table is refreshed at once. Until the background analysis notices, it would plan the first
 * minutes of a campaign (the peak) on a table it believes almost empty, reading whole tables per scan batch.
 */
public final class PlannerStatistics {

    /** Fewer rows than this leave the picture good enough for the background analysis to catch up. */
    static final int BULK_ROWS = 10_000;

    private PlannerStatistics() {
    }

    /** Answers the rows written, after refreshing the table's statistics if they were many. */
    public static int afterBulkWrite(DSLContext db, Table<?> table, int rowsWritten) {
        if (rowsWritten >= BULK_ROWS) {
            refresh(db, table);
        }
        return rowsWritten;
    }

    /** Refreshes the table's statistics now (a partition: only its own). */
    public static void refresh(DSLContext db, Table<?> table) {
        db.execute("ANALYZE {0}", table);
    }
}
