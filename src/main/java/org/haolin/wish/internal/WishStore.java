package org.haolin.wish.internal;

import org.haolin.access.Scope;
import org.haolin.area.Area;
import org.haolin.wish.BoardWish;
import org.haolin.wish.Wish;
import org.haolin.wish.WishCategory;
import org.haolin.wish.WishChange;
import org.haolin.wish.WishFilter;
import org.haolin.wish.WishOrigin;
import org.haolin.wish.WishRoute;
import org.haolin.wish.WishState;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.WISH;
import static haolin.schema.Tables.WISH_HISTORY;
import static haolin.schema.Tables.WISH_REQUEST;
import static haolin.schema.Tables.WISH_SERVICE_ITEM;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.percentileCont;

/** Wishes and their history. Callers check scope or pass it in; every statement names the town. */
@Component
public class WishStore {

    /** The most lines a list page or export reads at once. */
    public static final int LIST_LIMIT = 2_000;

    private static final haolin.schema.tables.Area BUILDING = AREA.as("building");
    private static final haolin.schema.tables.Area COMPOUND = AREA.as("compound");

    private final DSLContext db;

    WishStore(DSLContext db) {
        this.db = db;
    }

    /** Records a wish in its state NEW; a check-in's wish is recorded once, whatever the retries (then empty). */
    public Optional<Long> insert(Area stairwell, long compoundId, long residentId, WishCategory category,
                                 String description, LocalDate neededBy, WishOrigin origin, Long checkInId,
                                 Long byAccount, String byName, OffsetDateTime at) {
        Optional<Long> id = db.insertInto(WISH)
                .set(WISH.TOWN_ID, stairwell.townId()).set(WISH.AREA_ID, stairwell.id())
                .set(WISH.AREA_PATH, stairwell.path()).set(WISH.COMPOUND_ID, compoundId)
                .set(WISH.RESIDENT_ID, residentId).set(WISH.CATEGORY, category.name())
                .set(WISH.DESCRIPTION, description).set(WISH.NEEDED_BY, neededBy).set(WISH.ORIGIN, origin.name())
                .set(WISH.CHECK_IN_ID, checkInId).set(WISH.CREATED_BY_NAME, byName).set(WISH.CREATED_AT, at)
                .onConflict(WISH.TOWN_ID, WISH.CHECK_IN_ID).where(WISH.CHECK_IN_ID.isNotNull()).doNothing()
                .returning(WISH.ID).fetchOptional().map(r -> r.getId());
        id.ifPresent(wishId -> history(stairwell.townId(), wishId, stairwell.path(), null, WishState.NEW, at,
                byAccount, byName, null));
        return id;
    }

    /** The stairwell a resident of the town lives in; callers check scope on it before anything else. */
    public Optional<Long> stairwellOf(long townId, long residentId) {
        return db.select(RESIDENT.AREA_ID).from(RESIDENT).where(RESIDENT.TOWN_ID.eq(townId), RESIDENT.ID.eq(residentId))
                .fetchOptional(r -> r.value1());
    }

    public Optional<Long> stairwellOf(long residentId) {
        return db.select(RESIDENT.AREA_ID).from(RESIDENT).where(RESIDENT.ID.eq(residentId))
                .fetchOptional(r -> r.value1());
    }

    /** The wish an earlier request of the account with this key made. */
    public Optional<Long> requested(long accountId, String key) {
        return db.select(WISH_REQUEST.WISH_ID).from(WISH_REQUEST)
                .where(WISH_REQUEST.ACCOUNT_ID.eq(accountId), WISH_REQUEST.IDEMPOTENCY_KEY.eq(key))
                .fetchOptional(r -> r.value1());
    }

    /** Remembers the key; false when a request with the same key got there first (it waited for it to commit). */
    public boolean remember(long accountId, String key, long townId, long wishId) {
        return db.insertInto(WISH_REQUEST).set(WISH_REQUEST.ACCOUNT_ID, accountId)
                .set(WISH_REQUEST.IDEMPOTENCY_KEY, key).set(WISH_REQUEST.TOWN_ID, townId)
                .set(WISH_REQUEST.WISH_ID, wishId).onConflictDoNothing().execute() == 1;
    }

    public Optional<Long> fromCheckIn(long townId, long checkInId) {
        return db.select(WISH.ID).from(WISH).where(WISH.TOWN_ID.eq(townId), WISH.CHECK_IN_ID.eq(checkInId))
                .fetchOptional(r -> r.value1());
    }

    public Optional<Wish> find(long id) {
        return selectWishes().where(WISH.ID.eq(id)).fetchOptional(WishStore::toWish);
    }

    public List<Wish> list(Scope scope, WishFilter filter, Area within) {
        return selectWishes().where(scope.on(WISH.TOWN_ID, WISH.AREA_PATH), matching(filter, within))
                .orderBy(WISH.CREATED_AT.desc(), WISH.ID.desc()).limit(LIST_LIMIT).fetch(WishStore::toWish);
    }

    /** Published wishes in the claimer's scope, and those the claimer claimed, soonest needed first. */
    public List<BoardWish> board(Scope scope, long accountId) {
        Condition mine = WISH.CLAIMED_BY.eq(accountId).and(WISH.STATE.in(WishState.CLAIMED.name(),
                WishState.FULFILLED.name()));
        return db.select(WISH.ID, WISH.CATEGORY, WISH.DESCRIPTION, COMPOUND.NAME, WISH.NEEDED_BY, WISH.STATE,
                        WISH.CLAIMED_BY, WISH.FULFIL_NOTE)
                .from(WISH).join(COMPOUND).on(COMPOUND.ID.eq(WISH.COMPOUND_ID))
                .where(scope.on(WISH.TOWN_ID, WISH.AREA_PATH), WISH.STATE.eq(WishState.PUBLISHED.name()).or(mine))
                .orderBy(WISH.NEEDED_BY.asc().nullsLast(), WISH.ID).limit(LIST_LIMIT)
                .fetch(r -> new BoardWish(r.value1(), WishCategory.valueOf(r.value2()), r.value3(), r.value4(),
                        r.value5(), WishState.valueOf(r.value6()), Long.valueOf(accountId).equals(r.value7()),
                        r.value8()));
    }

    /**
     * Moves the wish from the state it was read in (a concurrent move makes this return false), setting the
     * extra columns the step records, and writes the history line.
     */
    public boolean move(Wish wish, WishState to, Map<Field<?>, Object> also, Long byAccount, String byName,
                        String note, OffsetDateTime at) {
        int moved = db.update(WISH).set(WISH.STATE, to.name()).set(also).set(WISH.VERSION, WISH.VERSION.plus(1))
                .where(WISH.TOWN_ID.eq(wish.townId()), WISH.ID.eq(wish.id()), WISH.STATE.eq(wish.state().name()))
                .execute();
        if (moved == 1) {
            history(wish.townId(), wish.id(), wish.areaPath(), wish.state(), to, at, byAccount, byName, note);
        }
        return moved == 1;
    }

    public List<WishChange> history(Wish wish) {
        return db.select(WISH_HISTORY.FROM_STATE, WISH_HISTORY.TO_STATE, WISH_HISTORY.AT, WISH_HISTORY.BY_NAME,
                        WISH_HISTORY.NOTE)
                .from(WISH_HISTORY).where(WISH_HISTORY.TOWN_ID.eq(wish.townId()), WISH_HISTORY.WISH_ID.eq(wish.id()))
                .orderBy(WISH_HISTORY.AT, WISH_HISTORY.ID)
                .fetch(r -> new WishChange(r.value1() == null ? null : WishState.valueOf(r.value1()),
                        WishState.valueOf(r.value2()), r.value3(), r.value4(), r.value5()));
    }

    public Map<WishState, Integer> countByState(Scope scope) {
        Map<WishState, Integer> counts = new EnumMap<>(WishState.class);
        db.select(WISH.STATE, count()).from(WISH).where(scope.on(WISH.TOWN_ID, WISH.AREA_PATH)).groupBy(WISH.STATE)
                .forEach(r -> counts.put(WishState.valueOf(r.value1()), r.value2()));
        return counts;
    }

    public Map<WishRoute, Integer> countByRoute(Scope scope) {
        Map<WishRoute, Integer> counts = new EnumMap<>(WishRoute.class);
        counts.put(WishRoute.SERVICE, db.fetchCount(WISH, scope.on(WISH.TOWN_ID, WISH.AREA_PATH),
                routed(WishRoute.SERVICE)));
        counts.put(WishRoute.BOARD, db.fetchCount(WISH, scope.on(WISH.TOWN_ID, WISH.AREA_PATH),
                routed(WishRoute.BOARD)));
        return counts;
    }

    public Double medianHoursToFulfil(Scope scope) {
        Field<Double> hours = org.jooq.impl.DSL.field("extract(epoch from ({0} - {1})) / 3600", Double.class,
                WISH.FULFILLED_AT, WISH.CREATED_AT);
        Object median = db.select(percentileCont(0.5).withinGroupOrderBy(hours)).from(WISH)
                .where(scope.on(WISH.TOWN_ID, WISH.AREA_PATH), WISH.FULFILLED_AT.isNotNull()).fetchOne().value1();
        return median == null ? null : ((Number) median).doubleValue();
    }

    private static Condition routed(WishRoute route) {
        return route == WishRoute.SERVICE ? WISH.SERVICE_ITEM_ID.isNotNull()
                : WISH.SERVICE_ITEM_ID.isNull().and(WISH.STATE.notIn(WishState.NEW.name(), WishState.REOPENED.name()));
    }

    private static Condition matching(WishFilter filter, Area within) {
        List<Condition> conditions = new ArrayList<>();
        if (filter.state() != null) {
            conditions.add(WISH.STATE.eq(filter.state().name()));
        }
        if (filter.route() != null) {
            conditions.add(routed(filter.route()));
        }
        if (filter.category() != null) {
            conditions.add(WISH.CATEGORY.eq(filter.category().name()));
        }
        if (within != null) {
            conditions.add(WISH.TOWN_ID.eq(within.townId()).and(WISH.AREA_PATH.startsWith(within.path())));
        }
        return conditions.stream().reduce(noCondition(), Condition::and);
    }

    private SelectOnConditionStep<Record> selectWishes() {
        return db.select(WISH.asterisk(), AREA.NAME, BUILDING.NAME, COMPOUND.NAME, RESIDENT.NAME, RESIDENT.ROOM,
                        WISH_SERVICE_ITEM.NAME)
                .from(WISH)
                .join(AREA).on(AREA.ID.eq(WISH.AREA_ID))
                .join(BUILDING).on(BUILDING.ID.eq(AREA.PARENT_ID))
                .join(COMPOUND).on(COMPOUND.ID.eq(WISH.COMPOUND_ID))
                .join(RESIDENT).on(RESIDENT.ID.eq(WISH.RESIDENT_ID))
                .leftJoin(WISH_SERVICE_ITEM).on(WISH_SERVICE_ITEM.ID.eq(WISH.SERVICE_ITEM_ID));
    }

    private void history(long townId, long wishId, String path, WishState from, WishState to, OffsetDateTime at,
                         Long byAccount, String byName, String note) {
        db.insertInto(WISH_HISTORY).set(WISH_HISTORY.TOWN_ID, townId).set(WISH_HISTORY.WISH_ID, wishId)
                .set(WISH_HISTORY.AREA_PATH, path).set(WISH_HISTORY.FROM_STATE, from == null ? null : from.name())
                .set(WISH_HISTORY.TO_STATE, to.name()).set(WISH_HISTORY.AT, at)
                .set(WISH_HISTORY.BY_ACCOUNT, byAccount).set(WISH_HISTORY.BY_NAME, byName)
                .set(WISH_HISTORY.NOTE, note).execute();
    }

    private static Wish toWish(Record r) {
        return new Wish(r.get(WISH.ID), r.get(WISH.TOWN_ID), r.get(WISH.AREA_ID), r.get(WISH.AREA_PATH),
                r.get(BUILDING.NAME) + " " + r.get(AREA.NAME), r.get(COMPOUND.NAME), r.get(WISH.RESIDENT_ID),
                r.get(RESIDENT.NAME), r.get(RESIDENT.ROOM), WishCategory.valueOf(r.get(WISH.CATEGORY)),
                r.get(WISH.DESCRIPTION), r.get(WISH.NEEDED_BY), WishOrigin.valueOf(r.get(WISH.ORIGIN)),
                WishState.valueOf(r.get(WISH.STATE)), r.get(WISH.SERVICE_ITEM_ID), r.get(WISH_SERVICE_ITEM.NAME),
                r.get(WISH.PROMISED_BY), r.get(WISH.CLAIMED_BY), r.get(WISH.CLAIMED_BY_ORG), r.get(WISH.FULFIL_NOTE),
                r.get(WISH.CREATED_BY_NAME), r.get(WISH.CREATED_AT), r.get(WISH.FULFILLED_AT), r.get(WISH.VERSION));
    }
}
