package org.haolin.sweep.internal;

import haolin.schema.tables.Area;
import org.haolin.access.Scope;
import org.haolin.resident.ResidenceStatus;
import org.haolin.sweep.RoundChanges;
import org.haolin.sweep.SweepRound;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

import java.util.List;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.RESIDENT_TAG;
import static haolin.schema.Tables.SWEEP_MARK;
import static haolin.schema.Tables.TAG;
import static org.jooq.impl.DSL.inline;

/**
 * What a round changed: read from its marks (statuses, residents found) and from the tags that carry the
 * round as their source or end reason. Residents are read under the reader's scope.
 */
@Component
public class ChangeReport {

    private final DSLContext db;

    ChangeReport(DSLContext db) {
        this.db = db;
    }

    public RoundChanges of(SweepRound round, Scope scope) {
        return new RoundChanges(statuses(round, scope), found(round, scope),
                tags(round, scope, RESIDENT_TAG.SOURCE.eq("SWEEP").and(RESIDENT_TAG.SOURCE_REF.eq(round.ref())),
                        RESIDENT_TAG.CREATED_BY_NAME),
                tags(round, scope, RESIDENT_TAG.END_REASON.eq(round.ref()), RESIDENT_TAG.ENDED_BY_NAME));
    }

    private List<RoundChanges.StatusChange> statuses(SweepRound round, Scope scope) {
        Area building = AREA.as("building");
        return db.select(RESIDENT.ID, RESIDENT.NAME, RESIDENT.ROOM, label(building), SWEEP_MARK.STATUS_BEFORE,
                        SWEEP_MARK.STATUS_AFTER, SWEEP_MARK.MARKED_BY_NAME)
                .from(SWEEP_MARK).join(RESIDENT).on(RESIDENT.ID.eq(SWEEP_MARK.RESIDENT_ID))
                .join(AREA).on(AREA.ID.eq(SWEEP_MARK.AREA_ID)).join(building).on(building.ID.eq(AREA.PARENT_ID))
                .where(marksOf(round, scope), SWEEP_MARK.STATUS_AFTER.ne(SWEEP_MARK.STATUS_BEFORE),
                        SWEEP_MARK.FOUND_NEW.isFalse())
                .orderBy(SWEEP_MARK.AREA_PATH, RESIDENT.ROOM, RESIDENT.ID)
                .fetch(r -> new RoundChanges.StatusChange(r.value1(), r.value2(), r.value3(), r.value4(),
                        ResidenceStatus.valueOf(r.value5()), ResidenceStatus.valueOf(r.value6()), r.value7()));
    }

    private List<RoundChanges.Found> found(SweepRound round, Scope scope) {
        Area building = AREA.as("building");
        return db.select(RESIDENT.ID, RESIDENT.NAME, RESIDENT.ROOM, label(building), SWEEP_MARK.MARKED_BY_NAME)
                .from(SWEEP_MARK).join(RESIDENT).on(RESIDENT.ID.eq(SWEEP_MARK.RESIDENT_ID))
                .join(AREA).on(AREA.ID.eq(SWEEP_MARK.AREA_ID)).join(building).on(building.ID.eq(AREA.PARENT_ID))
                .where(marksOf(round, scope), SWEEP_MARK.FOUND_NEW.isTrue())
                .orderBy(SWEEP_MARK.AREA_PATH, RESIDENT.ROOM, RESIDENT.ID)
                .fetch(r -> new RoundChanges.Found(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    private List<RoundChanges.TagChange> tags(SweepRound round, Scope scope, Condition which, Field<String> by) {
        Area building = AREA.as("building");
        return db.select(RESIDENT.ID, RESIDENT.NAME, RESIDENT.ROOM, label(building), TAG.CODE, TAG.NAME_ZH,
                        TAG.NAME_EN, by)
                .from(SWEEP_MARK).join(RESIDENT).on(RESIDENT.ID.eq(SWEEP_MARK.RESIDENT_ID))
                .join(RESIDENT_TAG).on(RESIDENT_TAG.RESIDENT_ID.eq(SWEEP_MARK.RESIDENT_ID))
                .join(TAG).on(TAG.ID.eq(RESIDENT_TAG.TAG_ID))
                .join(AREA).on(AREA.ID.eq(SWEEP_MARK.AREA_ID)).join(building).on(building.ID.eq(AREA.PARENT_ID))
                .where(marksOf(round, scope), which)
                .orderBy(SWEEP_MARK.AREA_PATH, RESIDENT.ROOM, RESIDENT.ID, TAG.SORT_KEY)
                .fetch(r -> new RoundChanges.TagChange(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8()));
    }

    private static Condition marksOf(SweepRound round, Scope scope) {
        return SWEEP_MARK.TOWN_ID.eq(round.townId()).and(SWEEP_MARK.ROUND_ID.eq(round.id()))
                .and(scope.on(RESIDENT.TOWN_ID, RESIDENT.AREA_PATH));
    }

    private static Field<String> label(Area building) {
        return building.NAME.concat(inline(" ")).concat(AREA.NAME);
    }
}
