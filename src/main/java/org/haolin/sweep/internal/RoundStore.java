package org.haolin.sweep.internal;

import haolin.schema.tables.Area;
import org.haolin.access.Scope;
import org.haolin.area.AreaLevel;
import org.haolin.sweep.Coverage;
import org.haolin.sweep.SweepRound;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.SWEEP_ROUND;
import static haolin.schema.Tables.SWEEP_STAIRWELL;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

/** Rounds and the stairwells due in them. Callers check scope; every statement names the town. */
@Component
public class RoundStore {

    private final DSLContext db;

    RoundStore(DSLContext db) {
        this.db = db;
    }

    public Optional<SweepRound> find(long roundId) {
        return db.select(SWEEP_ROUND.asterisk(), AREA.NAME).from(SWEEP_ROUND).join(AREA).on(AREA.ID.eq(SWEEP_ROUND.AREA_ID))
                .where(SWEEP_ROUND.ID.eq(roundId)).fetchOptional(RoundStore::toRound);
    }

    public Optional<SweepRound> find(long townId, long areaId, LocalDate week) {
        return db.select(SWEEP_ROUND.asterisk(), AREA.NAME).from(SWEEP_ROUND).join(AREA).on(AREA.ID.eq(SWEEP_ROUND.AREA_ID))
                .where(SWEEP_ROUND.TOWN_ID.eq(townId), SWEEP_ROUND.AREA_ID.eq(areaId), SWEEP_ROUND.WEEK.eq(week))
                .fetchOptional(RoundStore::toRound);
    }

    /** The area's latest round before the given week, if any. */
    public Optional<SweepRound> previous(SweepRound round) {
        return db.select(SWEEP_ROUND.asterisk(), AREA.NAME).from(SWEEP_ROUND).join(AREA).on(AREA.ID.eq(SWEEP_ROUND.AREA_ID))
                .where(SWEEP_ROUND.TOWN_ID.eq(round.townId()), SWEEP_ROUND.AREA_ID.eq(round.areaId()),
                        SWEEP_ROUND.WEEK.lt(round.week()))
                .orderBy(SWEEP_ROUND.WEEK.desc()).limit(1).fetchOptional(RoundStore::toRound);
    }

    /**
     * Opens the area's round for the week unless it is open already, with every stairwell below the area due.
     * Safe to run twice, also at the same time: the unique (town, area, week) keeps one round.
     */
    public SweepRound open(long townId, long areaId, String areaPath, LocalDate week, java.time.OffsetDateTime dueAt,
                           Long openedBy, String openedByName) {
        db.insertInto(SWEEP_ROUND)
                .set(SWEEP_ROUND.TOWN_ID, townId).set(SWEEP_ROUND.AREA_ID, areaId).set(SWEEP_ROUND.AREA_PATH, areaPath)
                .set(SWEEP_ROUND.WEEK, week).set(SWEEP_ROUND.DUE_AT, dueAt)
                .set(SWEEP_ROUND.OPENED_BY, openedBy).set(SWEEP_ROUND.OPENED_BY_NAME, openedByName)
                .onConflictDoNothing().execute();
        SweepRound round = find(townId, areaId, week).orElseThrow();
        db.insertInto(SWEEP_STAIRWELL, SWEEP_STAIRWELL.TOWN_ID, SWEEP_STAIRWELL.ROUND_ID, SWEEP_STAIRWELL.AREA_ID,
                        SWEEP_STAIRWELL.AREA_PATH)
                .select(select(inline(townId), inline(round.id()), AREA.ID, AREA.PATH).from(AREA)
                        .where(AREA.TOWN_ID.eq(townId), AREA.LEVEL.eq(AreaLevel.STAIRWELL.name()),
                                AREA.PATH.startsWith(areaPath)))
                .onConflictDoNothing().execute();
        return round;
    }

    /** The towns and areas that had a round in the week, to open the next week's for. */
    public List<Record> roundsOf(LocalDate week) {
        return db.select(SWEEP_ROUND.TOWN_ID, SWEEP_ROUND.AREA_ID, SWEEP_ROUND.AREA_PATH).from(SWEEP_ROUND)
                .where(SWEEP_ROUND.WEEK.eq(week)).orderBy(SWEEP_ROUND.TOWN_ID, SWEEP_ROUND.AREA_ID).fetch()
                .map(r -> (Record) r);
    }

    /** Residential areas inside the scope (or the scope's own), with the week's round and coverage if opened. */
    public List<org.haolin.sweep.AreaCoverage> coverage(Scope scope, LocalDate week) {
        var swept = count().filterWhere(SWEEP_STAIRWELL.COMPLETED_AT.isNotNull());
        return db.select(AREA.ID, AREA.NAME, SWEEP_ROUND.ID, count(SWEEP_STAIRWELL.AREA_ID), swept)
                .from(AREA)
                .leftJoin(SWEEP_ROUND).on(SWEEP_ROUND.TOWN_ID.eq(AREA.TOWN_ID), SWEEP_ROUND.AREA_ID.eq(AREA.ID),
                        SWEEP_ROUND.WEEK.eq(week))
                .leftJoin(SWEEP_STAIRWELL).on(SWEEP_STAIRWELL.ROUND_ID.eq(SWEEP_ROUND.ID))
                .where(AREA.LEVEL.eq(AreaLevel.RESIDENTIAL_AREA.name()), scope.on(AREA.TOWN_ID, AREA.PATH))
                .groupBy(AREA.ID, AREA.NAME, AREA.PATH, SWEEP_ROUND.ID)
                .orderBy(AREA.PATH)
                .fetch(r -> new org.haolin.sweep.AreaCoverage(r.value1(), r.value2(), r.value3(),
                        new Coverage(r.value4(), r.value5())));
    }

    public Coverage coverage(SweepRound round) {
        var r = db.select(count(), count().filterWhere(SWEEP_STAIRWELL.COMPLETED_AT.isNotNull()))
                .from(SWEEP_STAIRWELL)
                .where(SWEEP_STAIRWELL.TOWN_ID.eq(round.townId()), SWEEP_STAIRWELL.ROUND_ID.eq(round.id())).fetchOne();
        return new Coverage(r.value1(), r.value2());
    }

    public boolean due(SweepRound round, long stairwellId) {
        return db.fetchExists(SWEEP_STAIRWELL, SWEEP_STAIRWELL.ROUND_ID.eq(round.id()),
                SWEEP_STAIRWELL.AREA_ID.eq(stairwellId));
    }

    /** Completed when and by whom, or nothing while not completed. */
    public Optional<Record> completion(SweepRound round, long stairwellId) {
        return db.select(SWEEP_STAIRWELL.COMPLETED_AT, SWEEP_STAIRWELL.COMPLETED_BY_NAME).from(SWEEP_STAIRWELL)
                .where(SWEEP_STAIRWELL.TOWN_ID.eq(round.townId()), SWEEP_STAIRWELL.ROUND_ID.eq(round.id()),
                        SWEEP_STAIRWELL.AREA_ID.eq(stairwellId), SWEEP_STAIRWELL.COMPLETED_AT.isNotNull())
                .fetchOptional().map(r -> (Record) r);
    }

    /** Marks the stairwell complete unless it already is; returns whether this call completed it. */
    public boolean complete(SweepRound round, long stairwellId, long accountId, String name,
                            java.time.OffsetDateTime now) {
        return db.update(SWEEP_STAIRWELL).set(SWEEP_STAIRWELL.COMPLETED_AT, now)
                .set(SWEEP_STAIRWELL.COMPLETED_BY, accountId).set(SWEEP_STAIRWELL.COMPLETED_BY_NAME, name)
                .where(SWEEP_STAIRWELL.TOWN_ID.eq(round.townId()), SWEEP_STAIRWELL.ROUND_ID.eq(round.id()),
                        SWEEP_STAIRWELL.AREA_ID.eq(stairwellId), SWEEP_STAIRWELL.COMPLETED_AT.isNull())
                .execute() == 1;
    }

    /** Stairwells of the round not completed, labelled "building stairwell". */
    public Map<Long, String> notCompleted(SweepRound round) {
        Area building = AREA.as("building");
        return db.select(SWEEP_STAIRWELL.AREA_ID, building.NAME.concat(inline(" ")).concat(AREA.NAME))
                .from(SWEEP_STAIRWELL).join(AREA).on(AREA.ID.eq(SWEEP_STAIRWELL.AREA_ID))
                .join(building).on(building.ID.eq(AREA.PARENT_ID))
                .where(SWEEP_STAIRWELL.TOWN_ID.eq(round.townId()), SWEEP_STAIRWELL.ROUND_ID.eq(round.id()),
                        SWEEP_STAIRWELL.COMPLETED_AT.isNull())
                .orderBy(SWEEP_STAIRWELL.AREA_PATH)
                .fetchMap(r -> r.value1(), r -> r.value2());
    }

    static SweepRound toRound(Record r) {
        return new SweepRound(r.get(SWEEP_ROUND.ID), r.get(SWEEP_ROUND.TOWN_ID), r.get(SWEEP_ROUND.AREA_ID),
                r.get(SWEEP_ROUND.AREA_PATH), r.get(AREA.NAME), r.get(SWEEP_ROUND.WEEK), r.get(SWEEP_ROUND.DUE_AT),
                r.get(SWEEP_ROUND.OPENED_BY_NAME));
    }
}
