package org.haolin.platform;

import org.haolin.HaolinTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static haolin.schema.Tables.SCREENING_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@HaolinTest
class PlannerStatisticsTests {

    @Autowired
    DSLContext db;

    @Test
    void aBulkWriteRefreshesTheTablesStatisticsAndASmallOneLeavesThemToTheBackground() {
        long before = analyses();

        assertThat(PlannerStatistics.afterBulkWrite(db, SCREENING_TYPE, PlannerStatistics.BULK_ROWS - 1))
                .isEqualTo(PlannerStatistics.BULK_ROWS - 1);
        assertThat(analyses()).isEqualTo(before);

        assertThat(PlannerStatistics.afterBulkWrite(db, SCREENING_TYPE, PlannerStatistics.BULK_ROWS))
                .isEqualTo(PlannerStatistics.BULK_ROWS);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(analyses()).isGreaterThan(before));
    }

    private long analyses() {
        return db.fetchSingle("select analyze_count from pg_stat_user_tables where relname = 'screening_type'")
                .get(0, Long.class);
    }
}
