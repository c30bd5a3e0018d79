package org.haolin.screening.internal;

import org.haolin.HaolinTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

@HaolinTest
class ScanPartitionsTests {

    @Autowired
    ScanPartitions partitions;
    @Autowired
    DSLContext db;

    @Test
    void aDaysPartitionIsAnalysedOnceItsFirstThousandScansAreWritten() {
        LocalDate day = LocalDate.of(2032, 6, 1);
        assertThat(partitions.prepare(day)).isTrue();
        assertThat(partitions.prepare(day)).as("making it again does nothing").isTrue();

        partitions.written(day, ScanPartitions.FIRST_LOOK - 1);
        assertThat(manualAnalyses(day)).isZero();

        partitions.written(day, 1);
        partitions.written(day.plusDays(1), 5);
        assertThat(manualAnalyses(day)).isEqualTo(1);

        partitions.written(day, ScanPartitions.FIRST_LOOK * 10);
        assertThat(manualAnalyses(day)).as("later growth is the background analysis's").isEqualTo(1);
    }

    private long manualAnalyses(LocalDate day) {
        return db.fetchValue("SELECT analyze_count FROM pg_stat_user_tables WHERE relname = {0}",
                ScanPartitions.name(day)) instanceof Number n ? n.longValue() : -1;
    }
}
