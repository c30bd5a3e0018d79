package org.haolin.sweep.internal;

import org.haolin.resident.SweepHistory;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static haolin.schema.Tables.SWEEP_MARK;
import static haolin.schema.Tables.SWEEP_STAIRWELL;

/**
 * The stairwell list's view of sweeps: its last completed sweep and who that sweep changed, in one statement
 * (the latest completed row by the partial index, joined to its changed marks).
 */
@Component
class RecordedSweeps implements SweepHistory {

    private final DSLContext db;

    RecordedSweeps(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<LastSweep> lastSweep(long townId, long stairwellId) {
        var last = db.select(SWEEP_STAIRWELL.ROUND_ID, SWEEP_STAIRWELL.COMPLETED_AT).from(SWEEP_STAIRWELL)
                .where(SWEEP_STAIRWELL.TOWN_ID.eq(townId), SWEEP_STAIRWELL.AREA_ID.eq(stairwellId),
                        SWEEP_STAIRWELL.COMPLETED_AT.isNotNull())
                .orderBy(SWEEP_STAIRWELL.COMPLETED_AT.desc()).limit(1).asTable("last");
        var rows = db.select(last.field(SWEEP_STAIRWELL.COMPLETED_AT), SWEEP_MARK.RESIDENT_ID).from(last)
                .leftJoin(SWEEP_MARK).on(SWEEP_MARK.TOWN_ID.eq(townId), SWEEP_MARK.AREA_ID.eq(stairwellId),
                        SWEEP_MARK.ROUND_ID.eq(last.field(SWEEP_STAIRWELL.ROUND_ID)), SWEEP_MARK.CHANGED.isTrue())
                .fetch();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<Long> changed = new HashSet<>();
        rows.forEach(r -> {
            if (r.value2() != null) {
                changed.add(r.value2());
            }
        });
        return Optional.of(new LastSweep(rows.getFirst().value1().toInstant(), changed));
    }
}
