package org.haolin.cockpit.internal;

import org.haolin.access.Scope;
import org.haolin.resident.TagAssignments;
import org.haolin.area.AreaLevel;
import org.haolin.cockpit.Figures;
import org.haolin.resident.ResidenceStatus;
import org.haolin.resident.TagCategory;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record4;
import org.jooq.Record6;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.COCKPIT_COUNT;
import static haolin.schema.Tables.COCKPIT_REFRESH;
import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.RESIDENT_TAG;
import static haolin.schema.Tables.TAG;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.deleteFrom;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.generateSeries;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.insertInto;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.nullif;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectFrom;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.splitPart;
import static org.jooq.impl.DSL.sum;

/**
 * The rollup the town overview reads (SCALING rule 9): per town, one row per area and figure, counted
 * from the registry by one INSERT ... SELECT ... ON CONFLICT DO UPDATE. Counting again is idempotent and
 * rewrites only rows whose count changed, so a refresh of an unchanged town writes nothing but its time.
 */
@Component
public class TownRollup {

    static final String RESIDENTS = "RESIDENTS";
    static final String TAG_FIGURE = "TAG";
    /** Paths run district.town.area.compound.building.stairwell. so each level sits at a fixed position. */
    private static final int TOWN_POSITION = AreaLevel.TOWN.ordinal() + 1;
    private static final int STAIRWELL_POSITION = AreaLevel.STAIRWELL.ordinal() + 1;

    private final DSLContext db;
    private final Clock clock;

    TownRollup(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Counts one town again and returns how many rollup rows changed (zero when nothing did). One statement
     * counts the town once, upserts the counts that changed and removes those that fell to zero; both
     * changes see the same snapshot, and the town's refresh row, locked first, keeps two refreshes apart.
     */
    @Transactional
    public int refresh(long townId) {
        lockTown(townId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        CommonTableExpression<Record6<Long, Long, String, String, String, Integer>> fresh =
                name("fresh").as(counted(townId, now));
        CommonTableExpression<Record1<Integer>> upserted = name("upserted").as(
                insertInto(COCKPIT_COUNT, COCKPIT_COUNT.TOWN_ID, COCKPIT_COUNT.AREA_ID, COCKPIT_COUNT.AREA_PATH,
                        COCKPIT_COUNT.FIGURE, COCKPIT_COUNT.TAG_CODE, COCKPIT_COUNT.RESIDENT_COUNT)
                        .select(selectFrom(fresh))
                        .onConflict(COCKPIT_COUNT.TOWN_ID, COCKPIT_COUNT.AREA_ID, COCKPIT_COUNT.FIGURE, COCKPIT_COUNT.TAG_CODE)
                        .doUpdate()
                        .set(COCKPIT_COUNT.RESIDENT_COUNT, excluded(COCKPIT_COUNT.RESIDENT_COUNT))
                        .set(COCKPIT_COUNT.AREA_PATH, excluded(COCKPIT_COUNT.AREA_PATH))
                        .where(COCKPIT_COUNT.RESIDENT_COUNT.ne(excluded(COCKPIT_COUNT.RESIDENT_COUNT))
                                .or(COCKPIT_COUNT.AREA_PATH.ne(excluded(COCKPIT_COUNT.AREA_PATH))))
                        .returningResult(inline(1)));
        // A figure that fell to zero is no longer counted at all: its row goes.
        CommonTableExpression<Record1<Integer>> removed = name("removed").as(
                deleteFrom(COCKPIT_COUNT)
                        .where(COCKPIT_COUNT.TOWN_ID.eq(townId))
                        .andNotExists(selectOne().from(fresh).where(
                                fresh.field("area_id", Long.class).eq(COCKPIT_COUNT.AREA_ID),
                                fresh.field("figure", String.class).eq(COCKPIT_COUNT.FIGURE),
                                fresh.field("tag_code", String.class).eq(COCKPIT_COUNT.TAG_CODE)))
                        .returningResult(inline(1)));
        int changed = db.with(fresh).with(upserted).with(removed)
                .select(field(selectCount().from(upserted)).plus(field(selectCount().from(removed))))
                .fetchSingle().value1();
        db.update(COCKPIT_REFRESH)
                .set(COCKPIT_REFRESH.REFRESHED_AT, now)
                .setNull(COCKPIT_REFRESH.STALE_SINCE)
                .set(COCKPIT_REFRESH.ROWS_CHANGED, changed)
                .where(COCKPIT_REFRESH.TOWN_ID.eq(townId))
                .execute();
        return changed;
    }

    /** Every town of the tree, for the scheduled refresh. */
    public List<Long> towns() {
        return db.select(AREA.ID).from(AREA).where(AREA.LEVEL.eq(AreaLevel.TOWN.name())).orderBy(AREA.ID).fetch(AREA.ID);
    }

    /**
     * The towns never counted, and those where a tag ran out by itself since they were last counted: the only
     * change to the figures that no event announces. One indexed look per town instead of counting them all.
     */
    public List<Long> townsWithTagsRunOut() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return db.select(AREA.ID).from(AREA)
                .leftJoin(COCKPIT_REFRESH).on(COCKPIT_REFRESH.TOWN_ID.eq(AREA.ID))
                .where(AREA.LEVEL.eq(AreaLevel.TOWN.name()))
                .and(COCKPIT_REFRESH.REFRESHED_AT.isNull().orExists(selectOne().from(RESIDENT_TAG).where(
                        RESIDENT_TAG.TOWN_ID.eq(AREA.ID),
                        RESIDENT_TAG.VALID_TO.gt(COCKPIT_REFRESH.REFRESHED_AT),
                        RESIDENT_TAG.VALID_TO.le(now))))
                .orderBy(AREA.ID)
                .fetch(AREA.ID);
    }

    /** Whether a town has been counted at least once. */
    public boolean counted(long townId) {
        return db.fetchExists(COCKPIT_REFRESH, COCKPIT_REFRESH.TOWN_ID.eq(townId), COCKPIT_REFRESH.REFRESHED_AT.isNotNull());
    }

    /** Notes that a town's figures are out of date; waits while the town is being counted, so no change is lost. */
    @Transactional
    public void markStale(long townId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.insertInto(COCKPIT_REFRESH)
                .set(COCKPIT_REFRESH.TOWN_ID, townId)
                .set(COCKPIT_REFRESH.STALE_SINCE, now)
                .onConflict(COCKPIT_REFRESH.TOWN_ID)
                .doUpdate().set(COCKPIT_REFRESH.STALE_SINCE, coalesce(COCKPIT_REFRESH.STALE_SINCE, excluded(COCKPIT_REFRESH.STALE_SINCE)))
                .execute();
    }

    /** The towns whose figures are out of date, longest first. */
    public List<Long> staleTowns() {
        return db.select(COCKPIT_REFRESH.TOWN_ID).from(COCKPIT_REFRESH)
                .where(COCKPIT_REFRESH.STALE_SINCE.isNotNull())
                .orderBy(COCKPIT_REFRESH.STALE_SINCE)
                .fetch(COCKPIT_REFRESH.TOWN_ID);
    }

    /** When the oldest of these towns' figures were counted, in local time; empty while one of them never was. */
    public Optional<OffsetDateTime> asOf(Collection<Long> townIds) {
        var oldest = db.select(min(COCKPIT_REFRESH.REFRESHED_AT), count(COCKPIT_REFRESH.REFRESHED_AT))
                .from(COCKPIT_REFRESH).where(COCKPIT_REFRESH.TOWN_ID.in(townIds)).fetchOne();
        return oldest.value2() < townIds.size() ? Optional.empty() : Optional.ofNullable(oldest.value1())
                .map(at -> at.atZoneSameInstant(clock.getZone()).toOffsetDateTime());
    }

    /** The figures of these areas, as far as the scope reaches; an area without rows has none. */
    public Map<Long, Figures> figures(Scope scope, Collection<Long> areaIds) {
        Map<Long, Figures> byArea = new HashMap<>();
        db.select(COCKPIT_COUNT.AREA_ID, COCKPIT_COUNT.FIGURE, COCKPIT_COUNT.TAG_CODE, COCKPIT_COUNT.RESIDENT_COUNT)
                .from(COCKPIT_COUNT)
                .where(COCKPIT_COUNT.TOWN_ID.in(scope.townIds()), COCKPIT_COUNT.AREA_ID.in(areaIds),
                        scope.on(COCKPIT_COUNT.TOWN_ID, COCKPIT_COUNT.AREA_PATH))
                .forEach(r -> byArea.merge(r.value1(), figure(r.value2(), r.value3(), r.value4()), Figures::plus));
        return byArea;
    }

    private static Figures figure(String figure, String tagCode, int count) {
        return switch (figure) {
            case RESIDENTS -> new Figures(count, 0, 0, Map.of());
            case TAG_FIGURE -> new Figures(0, 0, 0, Map.of(tagCode, count));
            default -> TagCategory.valueOf(figure) == TagCategory.KEY_GROUP
                    ? new Figures(0, count, 0, Map.of()) : new Figures(0, 0, count, Map.of());
        };
    }

    /** Takes (or creates) the town's refresh row first: two refreshes of one town run one after the other. */
    private void lockTown(long townId) {
        db.insertInto(COCKPIT_REFRESH)
                .set(COCKPIT_REFRESH.TOWN_ID, townId)
                .onConflict(COCKPIT_REFRESH.TOWN_ID)
                .doUpdate().set(COCKPIT_REFRESH.ROWS_CHANGED, COCKPIT_REFRESH.ROWS_CHANGED)
                .execute();
    }

    /**
     * Every figure of the town: counted once per stairwell, then added up into each area above it, which
     * the stairwell's path names at fixed positions (so no join over paths and no recursion is needed).
     */
    private Select<Record6<Long, Long, String, String, String, Integer>> counted(long townId, OffsetDateTime now) {
        Table<Record4<String, String, String, Integer>> perStairwell = perStairwell(townId, now)
                .asTable("per_stairwell", "area_path", "figure", "tag_code", "n");
        Field<String> path = perStairwell.field("area_path", String.class);
        Field<String> figure = perStairwell.field("figure", String.class);
        Field<String> tagCode = perStairwell.field("tag_code", String.class);
        Field<Integer> n = perStairwell.field("n", Integer.class);
        Table<?> position = generateSeries(TOWN_POSITION, STAIRWELL_POSITION).as("position", "at");
        Field<Long> ancestorId = nullif(splitPart(path, ".", position.field("at", Integer.class)), inline(""))
                .cast(SQLDataType.BIGINT);
        return select(inline(townId).as("town_id"), AREA.ID.as("area_id"), AREA.PATH.as("area_path"),
                        figure.as("figure"), tagCode.as("tag_code"),
                        sum(n).cast(SQLDataType.INTEGER).as("resident_count"))
                .from(perStairwell)
                .crossJoin(position)
                .join(AREA).on(AREA.ID.eq(ancestorId), AREA.TOWN_ID.eq(townId))
                .groupBy(AREA.ID, AREA.PATH, figure, tagCode);
    }

    private Select<Record4<String, String, String, Integer>> perStairwell(long townId, OffsetDateTime now) {
        Condition living = RESIDENT.TOWN_ID.eq(townId)
                .and(RESIDENT.RESIDENCE_STATUS.ne(ResidenceStatus.MOVED_OUT.name()));
        Condition tagged = RESIDENT_TAG.TOWN_ID.eq(townId)
                .and(TagAssignments.current(now));
        var residents = select(RESIDENT.AREA_PATH, inline(RESIDENTS), inline(""), count())
                .from(RESIDENT).where(living)
                .groupBy(RESIDENT.AREA_PATH);
        var categories = select(RESIDENT.AREA_PATH, TAG.CATEGORY, inline(""), countDistinct(RESIDENT.ID))
                .from(RESIDENT)
                .join(RESIDENT_TAG).on(RESIDENT_TAG.RESIDENT_ID.eq(RESIDENT.ID))
                .join(TAG).on(TAG.ID.eq(RESIDENT_TAG.TAG_ID))
                .where(living, tagged, TAG.CATEGORY.in(TagCategory.KEY_GROUP.name(), TagCategory.HARDSHIP.name()))
                .groupBy(RESIDENT.AREA_PATH, TAG.CATEGORY);
        var tags = select(RESIDENT.AREA_PATH, inline(TAG_FIGURE), TAG.CODE, countDistinct(RESIDENT.ID))
                .from(RESIDENT)
                .join(RESIDENT_TAG).on(RESIDENT_TAG.RESIDENT_ID.eq(RESIDENT.ID))
                .join(TAG).on(TAG.ID.eq(RESIDENT_TAG.TAG_ID))
                .where(living, tagged)
                .groupBy(RESIDENT.AREA_PATH, TAG.CODE);
        return residents.unionAll(categories).unionAll(tags);
    }
}
