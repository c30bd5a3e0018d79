package org.haolin.keygroup.internal;

import haolin.schema.tables.records.KeygroupListRecord;
import haolin.schema.tables.records.KeygroupRowRecord;
import org.haolin.access.HaolinUser;
import org.haolin.access.Scope;
import org.haolin.area.Area;
import org.haolin.keygroup.AreaProgress;
import org.haolin.keygroup.ListCounts;
import org.haolin.keygroup.Outcome;
import org.haolin.keygroup.Resolution;
import org.haolin.keygroup.RowFilter;
import org.haolin.keygroup.WaitingRows;
import org.haolin.keygroup.internal.RowMatcher.Hit;
import org.haolin.keygroup.internal.RowMatcher.Match;
import org.haolin.platform.Masking;
import org.haolin.platform.SensitiveData;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.KEYGROUP_LIST;
import static haolin.schema.Tables.KEYGROUP_ROW;
import static org.jooq.impl.DSL.count;

/** Lists and their rows in the database: written once when pushed, then settled row by row. */
@Component
public class ListStore {

    private static final int ROWS_PER_INSERT = 1_000;
    private static final List<Field<?>> ROW_FIELDS = List.of(KEYGROUP_ROW.TOWN_ID, KEYGROUP_ROW.AREA_ID,
            KEYGROUP_ROW.AREA_PATH, KEYGROUP_ROW.RESIDENTIAL_AREA_ID, KEYGROUP_ROW.LIST_ID, KEYGROUP_ROW.ROW_NUMBER,
            KEYGROUP_ROW.NAME, KEYGROUP_ROW.ID_NUMBER_ENC, KEYGROUP_ROW.ID_NUMBER_MASKED, KEYGROUP_ROW.PHONE_ENC,
            KEYGROUP_ROW.PHONE_MASKED, KEYGROUP_ROW.ADDRESS, KEYGROUP_ROW.ROOM, KEYGROUP_ROW.STAIRWELL_ID,
            KEYGROUP_ROW.VALID_FROM, KEYGROUP_ROW.VALID_TO, KEYGROUP_ROW.STATUS, KEYGROUP_ROW.OUTCOME,
            KEYGROUP_ROW.MATCHED_BY, KEYGROUP_ROW.RESIDENT_ID, KEYGROUP_ROW.CANDIDATE_IDS);

    /** The header of a new list. */
    public record NewList(Area town, String reference, byte[] contentHash, String tagCode, String title, String origin,
                          int rowCount) {
    }

    private final DSLContext db;
    private final SensitiveData sensitive;
    private final Clock clock;

    ListStore(DSLContext db, SensitiveData sensitive, Clock clock) {
        this.db = db;
        this.sensitive = sensitive;
        this.clock = clock;
    }

    /** The list the same reference (or, without one, the same content) already made in this town. */
    public Optional<KeygroupListRecord> existing(long townId, String reference, byte[] contentHash) {
        Condition same = reference != null ? KEYGROUP_LIST.REFERENCE.eq(reference)
                : KEYGROUP_LIST.REFERENCE.isNull().and(KEYGROUP_LIST.CONTENT_HASH.eq(contentHash));
        return db.selectFrom(KEYGROUP_LIST).where(KEYGROUP_LIST.TOWN_ID.eq(townId), same).fetchOptional();
    }

    /** Inserts the header, or returns empty when a push of the same list got there first. */
    public Optional<Long> insert(NewList list, HaolinUser user) {
        return db.insertInto(KEYGROUP_LIST)
                .set(KEYGROUP_LIST.TOWN_ID, list.town().id()).set(KEYGROUP_LIST.AREA_ID, list.town().id())
                .set(KEYGROUP_LIST.AREA_PATH, list.town().path()).set(KEYGROUP_LIST.REFERENCE, list.reference())
                .set(KEYGROUP_LIST.CONTENT_HASH, list.contentHash()).set(KEYGROUP_LIST.TAG_CODE, list.tagCode())
                .set(KEYGROUP_LIST.TITLE, list.title()).set(KEYGROUP_LIST.ORIGIN, list.origin())
                .set(KEYGROUP_LIST.ROW_COUNT, list.rowCount())
                .set(KEYGROUP_LIST.CREATED_BY, user.accountId()).set(KEYGROUP_LIST.CREATED_BY_NAME, user.displayName())
                .set(KEYGROUP_LIST.CREATED_AT, OffsetDateTime.now(clock))
                .onConflictDoNothing()
                .returning(KEYGROUP_LIST.ID).fetchOptional(KEYGROUP_LIST.ID);
    }

    public void insertRows(long listId, TownPlaces places, List<Match> matches) {
        Area town = places.town();
        for (int i = 0; i < matches.size(); i += ROWS_PER_INSERT) {
            var insert = db.insertInto(KEYGROUP_ROW, ROW_FIELDS);
            for (Match match : matches.subList(i, Math.min(matches.size(), i + ROWS_PER_INSERT))) {
                insert = insert.values(values(listId, town, match));
            }
            insert.execute();
        }
    }

    private List<Object> values(long listId, Area town, Match m) {
        var row = m.row();
        String path = RowMatcher.rowPath(m, town);
        List<Object> v = new ArrayList<>(ROW_FIELDS.size());
        v.add(town.id());
        v.add(RowMatcher.lastId(path));
        v.add(path);
        v.add(residentialArea(path));
        v.add(listId);
        v.add(row.number());
        v.add(row.name());
        // the numbers are kept (encrypted) only where a person may still register the resident from them
        boolean open = m.outcome() != Outcome.MATCHED;
        v.add(open && row.idNumber() != null ? sensitive.encrypt(row.idNumber()) : null);
        v.add(row.idNumber() == null ? null : Masking.idNumber(row.idNumber()));
        v.add(open && row.phone() != null ? sensitive.encrypt(row.phone()) : null);
        v.add(row.phone() == null ? null : Masking.phone(row.phone()));
        v.add(row.address());
        v.add(m.room());
        v.add(m.placement() == null || m.placement().stairwell() == null ? null : m.placement().stairwell().id());
        v.add(startOf(row.from()));
        v.add(row.to() == null ? null : startOf(row.to().plusDays(1)));
        v.add(row.status().name());
        v.add(m.outcome().name());
        v.add(m.by() == null ? null : m.by().name());
        v.add(m.residentId());
        v.add(m.outcome() == Outcome.AMBIGUOUS ? m.candidates().stream().map(Hit::id).toArray(Long[]::new) : new Long[0]);
        return v;
    }

    private OffsetDateTime startOf(LocalDate date) {
        return date == null ? null : date.atStartOfDay(clock.getZone()).toOffsetDateTime();
    }

    /** The residential area of a path (district.town.area.…), or null for a row placed no deeper than the town. */
    public static Long residentialArea(String path) {
        String[] ids = path.split("\\.");
        return ids.length >= 3 ? Long.valueOf(ids[2]) : null;
    }

    public Optional<KeygroupListRecord> list(long id) {
        return db.selectFrom(KEYGROUP_LIST).where(KEYGROUP_LIST.ID.eq(id)).fetchOptional();
    }

    public Optional<KeygroupRowRecord> row(long listId, long rowId, Scope rows) {
        return db.selectFrom(KEYGROUP_ROW)
                .where(KEYGROUP_ROW.ID.eq(rowId), KEYGROUP_ROW.LIST_ID.eq(listId),
                        rows.on(KEYGROUP_ROW.TOWN_ID, KEYGROUP_ROW.AREA_PATH))
                .fetchOptional();
    }

    /** Lists with at least one row in the scope, newest first. */
    public List<KeygroupListRecord> visibleLists(Scope rows, int limit) {
        return db.selectFrom(KEYGROUP_LIST)
                .where(KEYGROUP_LIST.TOWN_ID.in(rows.townIds()))
                .andExists(db.selectOne().from(KEYGROUP_ROW).where(KEYGROUP_ROW.TOWN_ID.eq(KEYGROUP_LIST.TOWN_ID),
                        KEYGROUP_ROW.LIST_ID.eq(KEYGROUP_LIST.ID), rows.on(KEYGROUP_ROW.TOWN_ID, KEYGROUP_ROW.AREA_PATH)))
                .orderBy(KEYGROUP_LIST.CREATED_AT.desc(), KEYGROUP_LIST.ID.desc())
                .limit(limit).fetch();
    }

    public boolean anyRowIn(long listId, long townId, Scope rows) {
        return db.fetchExists(KEYGROUP_ROW, KEYGROUP_ROW.TOWN_ID.eq(townId), KEYGROUP_ROW.LIST_ID.eq(listId),
                rows.on(KEYGROUP_ROW.TOWN_ID, KEYGROUP_ROW.AREA_PATH));
    }

    /** Progress of each list, counting the rows in the scope only. */
    public Map<Long, ListCounts> counts(Collection<Long> listIds, Scope rows) {
        return db.select(KEYGROUP_ROW.LIST_ID).select(countFields())
                .from(KEYGROUP_ROW)
                .where(KEYGROUP_ROW.LIST_ID.in(listIds), rows.on(KEYGROUP_ROW.TOWN_ID, KEYGROUP_ROW.AREA_PATH))
                .groupBy(KEYGROUP_ROW.LIST_ID)
                .fetchMap(r -> r.get(KEYGROUP_ROW.LIST_ID), r -> counts(r));
    }

    /** One list's progress per residential area, in the scope. */
    public List<AreaProgress> perArea(long listId, long townId, Scope rows) {
        return db.select(KEYGROUP_ROW.RESIDENTIAL_AREA_ID, AREA.NAME).select(countFields())
                .from(KEYGROUP_ROW).leftJoin(AREA).on(AREA.ID.eq(KEYGROUP_ROW.RESIDENTIAL_AREA_ID))
                .where(KEYGROUP_ROW.TOWN_ID.eq(townId), KEYGROUP_ROW.LIST_ID.eq(listId),
                        rows.on(KEYGROUP_ROW.TOWN_ID, KEYGROUP_ROW.AREA_PATH))
                .groupBy(KEYGROUP_ROW.RESIDENTIAL_AREA_ID, AREA.NAME)
                .orderBy(AREA.NAME.nullsLast())
                .fetch(r -> new AreaProgress(r.get(KEYGROUP_ROW.RESIDENTIAL_AREA_ID), r.get(AREA.NAME), counts(r)));
    }

    private static List<Field<Integer>> countFields() {
        return List.<Field<Integer>>of(count(), count().filterWhere(KEYGROUP_ROW.RESIDENT_ID.isNotNull()),
                count().filterWhere(waiting()),
                count().filterWhere(waiting().and(KEYGROUP_ROW.OUTCOME.eq(Outcome.AMBIGUOUS.name()))),
                count().filterWhere(waiting().and(KEYGROUP_ROW.OUTCOME.eq(Outcome.UNMATCHED.name()))),
                count().filterWhere(KEYGROUP_ROW.RESOLUTION.eq(Resolution.RETURNED.name())),
                count().filterWhere(KEYGROUP_ROW.APPLIED_AT.isNotNull()));
    }

    private static ListCounts counts(org.jooq.Record r) {
        int size = r.size();
        int[] n = new int[7];
        for (int i = 0; i < 7; i++) {
            n[i] = ((Number) r.get(size - 7 + i)).intValue();
        }
        return new ListCounts(n[0], n[1], n[2], n[3], n[4], n[5], n[6]);
    }

    /** Not matched to anyone yet and neither settled nor returned. */
    public static Condition waiting() {
        return KEYGROUP_ROW.RESIDENT_ID.isNull().and(KEYGROUP_ROW.RESOLUTION.isNull());
    }

    /** Rows of one list in the scope, filtered, in sheet order. */
    public List<KeygroupRowRecord> rows(long listId, long townId, Scope rows, RowFilter filter, int offset, int limit) {
        return db.selectFrom(KEYGROUP_ROW)
                .where(KEYGROUP_ROW.TOWN_ID.eq(townId), KEYGROUP_ROW.LIST_ID.eq(listId),
                        rows.on(KEYGROUP_ROW.TOWN_ID, KEYGROUP_ROW.AREA_PATH), filter(filter))
                .orderBy(KEYGROUP_ROW.ROW_NUMBER).offset(offset).limit(limit).fetch();
    }

    /** Rows waiting for a person in the scope, across the lists of its towns, oldest list first. */
    public List<KeygroupRowRecord> waitingRows(Scope rows, int limit) {
        return db.selectFrom(KEYGROUP_ROW)
                .where(KEYGROUP_ROW.TOWN_ID.in(rows.townIds()), rows.on(KEYGROUP_ROW.TOWN_ID, KEYGROUP_ROW.AREA_PATH),
                        waiting(), KEYGROUP_ROW.OUTCOME.ne(Outcome.MATCHED.name()))
                .orderBy(KEYGROUP_ROW.LIST_ID, KEYGROUP_ROW.ROW_NUMBER).limit(limit).fetch();
    }

    public Map<Long, KeygroupListRecord> lists(Collection<Long> ids) {
        return db.selectFrom(KEYGROUP_LIST).where(KEYGROUP_LIST.ID.in(ids)).fetchMap(KEYGROUP_LIST.ID);
    }

    /** For the cockpit: rows still waiting in the scope, per list (newest first) and per residential area. */
    public WaitingRows waitingCounts(Scope scope) {
        Condition where = KEYGROUP_ROW.TOWN_ID.in(scope.townIds()).and(scope.on(KEYGROUP_ROW.TOWN_ID, KEYGROUP_ROW.AREA_PATH))
                .and(waiting()).and(KEYGROUP_ROW.OUTCOME.ne(Outcome.MATCHED.name()));
        var unmatched = count().filterWhere(KEYGROUP_ROW.OUTCOME.eq(Outcome.UNMATCHED.name()));
        List<WaitingRows.PerList> lists = db.select(KEYGROUP_LIST.ID, KEYGROUP_LIST.TITLE, KEYGROUP_LIST.TAG_CODE,
                        count(), unmatched)
                .from(KEYGROUP_ROW).join(KEYGROUP_LIST).on(KEYGROUP_LIST.ID.eq(KEYGROUP_ROW.LIST_ID))
                .where(where)
                .groupBy(KEYGROUP_LIST.ID, KEYGROUP_LIST.TITLE, KEYGROUP_LIST.TAG_CODE)
                .orderBy(KEYGROUP_LIST.ID.desc())
                .fetch(r -> new WaitingRows.PerList(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
        List<WaitingRows.PerArea> perArea = db.select(KEYGROUP_ROW.RESIDENTIAL_AREA_ID, AREA.NAME, count(), unmatched)
                .from(KEYGROUP_ROW).leftJoin(AREA).on(AREA.ID.eq(KEYGROUP_ROW.RESIDENTIAL_AREA_ID))
                .where(where)
                .groupBy(KEYGROUP_ROW.RESIDENTIAL_AREA_ID, AREA.NAME)
                .orderBy(AREA.NAME.nullsLast())
                .fetch(r -> new WaitingRows.PerArea(r.value1(), r.value2(), r.value3(), r.value4()));
        return new WaitingRows(lists, perArea);
    }

    private static Condition filter(RowFilter filter) {
        return switch (filter) {
            case ALL -> org.jooq.impl.DSL.noCondition();
            case MATCHED -> KEYGROUP_ROW.RESIDENT_ID.isNotNull();
            case WAITING -> waiting();
            case AMBIGUOUS -> waiting().and(KEYGROUP_ROW.OUTCOME.eq(Outcome.AMBIGUOUS.name()));
            case UNMATCHED -> waiting().and(KEYGROUP_ROW.OUTCOME.eq(Outcome.UNMATCHED.name()));
            case RETURNED -> KEYGROUP_ROW.RESOLUTION.eq(Resolution.RETURNED.name());
        };
    }

    /** Rows with a resident whose tag was not applied yet (returned rows never are). */
    public List<KeygroupRowRecord> toApply(long listId, long townId) {
        return db.selectFrom(KEYGROUP_ROW)
                .where(KEYGROUP_ROW.TOWN_ID.eq(townId), KEYGROUP_ROW.LIST_ID.eq(listId),
                        KEYGROUP_ROW.RESIDENT_ID.isNotNull(), KEYGROUP_ROW.APPLIED_AT.isNull())
                .orderBy(KEYGROUP_ROW.ROW_NUMBER).fetch();
    }

    public void markApplied(Collection<Long> rowIds, OffsetDateTime now) {
        List<Long> ids = List.copyOf(rowIds);
        for (int i = 0; i < ids.size(); i += 10_000) {
            db.update(KEYGROUP_ROW).set(KEYGROUP_ROW.APPLIED_AT, now)
                    .where(KEYGROUP_ROW.ID.in(ids.subList(i, Math.min(ids.size(), i + 10_000)))).execute();
        }
    }

    public void markListApplied(long listId, HaolinUser user, OffsetDateTime now) {
        db.update(KEYGROUP_LIST).set(KEYGROUP_LIST.APPLIED_AT, now).set(KEYGROUP_LIST.APPLIED_BY, user.accountId())
                .set(KEYGROUP_LIST.APPLIED_BY_NAME, user.displayName())
                .where(KEYGROUP_LIST.ID.eq(listId)).execute();
    }

    /** Records how a person settled a row; the row moves to the resident's stairwell when there is one. */
    public void settle(KeygroupRowRecord row, Resolution resolution, Long residentId, Area stairwell, String reason,
                       HaolinUser user) {
        row.setResolution(resolution.name());
        row.setResidentId(residentId);
        row.setReturnReason(reason);
        if (stairwell != null) {
            row.setAreaId(stairwell.id());
            row.setAreaPath(stairwell.path());
            row.setResidentialAreaId(residentialArea(stairwell.path()));
        }
        row.setResolvedBy(user.accountId());
        row.setResolvedByName(user.displayName());
        row.setResolvedAt(OffsetDateTime.now(clock));
        db.executeUpdate(row);
    }
}
