package org.haolin.inspection.internal;

import org.haolin.area.Area;
import org.haolin.inspection.Check;
import org.haolin.inspection.CheckResult;
import org.haolin.inspection.InspectionItem;
import org.haolin.inspection.NewCheck;
import org.haolin.inspection.Visit;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.INSPECTION_CHECK;
import static haolin.schema.Tables.INSPECTION_TASK;
import static haolin.schema.Tables.INSPECTION_VISIT;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;

/** Visits and their checklists. Callers check scope; every statement names the town. */
@Component
public class VisitStore {

    private static final int LIST_LIMIT = 200;
    private static final Field<Integer> FINDINGS = select(count()).from(INSPECTION_CHECK)
            .where(INSPECTION_CHECK.VISIT_ID.eq(INSPECTION_VISIT.ID), INSPECTION_CHECK.RESULT.eq(CheckResult.FINDING.name()))
            .asField("findings");

    private final DSLContext db;
    private final ItemCatalogue items;

    VisitStore(DSLContext db, ItemCatalogue items) {
        this.db = db;
        this.items = items;
    }

    /** The visit a client id first recorded, with who recorded it. */
    public Optional<Recorded> byClientId(long townId, UUID clientId) {
        return db.select(INSPECTION_VISIT.ID, INSPECTION_VISIT.SUPERVISOR_ID).from(INSPECTION_VISIT)
                .where(INSPECTION_VISIT.TOWN_ID.eq(townId), INSPECTION_VISIT.CLIENT_ID.eq(clientId))
                .fetchOptional(r -> new Recorded(r.value1(), r.value2()));
    }

    public record Recorded(long visitId, long supervisorId) {
    }

    /** Inserts the visit; empty when the client id was recorded meanwhile (a resent form racing the first). */
    public Optional<Long> insert(Area area, long supervisorId, String supervisorName, OffsetDateTime at, String note,
                                 UUID clientId) {
        return db.insertInto(INSPECTION_VISIT).set(INSPECTION_VISIT.TOWN_ID, area.townId())
                .set(INSPECTION_VISIT.AREA_ID, area.id()).set(INSPECTION_VISIT.AREA_PATH, area.path())
                .set(INSPECTION_VISIT.SUPERVISOR_ID, supervisorId).set(INSPECTION_VISIT.SUPERVISOR_NAME, supervisorName)
                .set(INSPECTION_VISIT.VISITED_AT, at).set(INSPECTION_VISIT.NOTE, note)
                .set(INSPECTION_VISIT.CLIENT_ID, clientId)
                .onConflictDoNothing()
                .returning(INSPECTION_VISIT.ID).fetchOptional(INSPECTION_VISIT.ID);
    }

    public void insertChecks(Area area, long visitId, Collection<NewCheck> checks) {
        var insert = db.insertInto(INSPECTION_CHECK, INSPECTION_CHECK.VISIT_ID, INSPECTION_CHECK.ITEM_CODE,
                INSPECTION_CHECK.TOWN_ID, INSPECTION_CHECK.AREA_ID, INSPECTION_CHECK.AREA_PATH,
                INSPECTION_CHECK.RESULT, INSPECTION_CHECK.NOTE);
        for (NewCheck check : checks) {
            insert = insert.values(visitId, check.itemCode(), area.townId(), area.id(), area.path(),
                    check.result().name(), check.note());
        }
        insert.execute();
    }

    public Optional<Visit> find(long id) {
        return db.select(INSPECTION_VISIT.asterisk(), AREA.NAME, FINDINGS).from(INSPECTION_VISIT)
                .join(AREA).on(AREA.ID.eq(INSPECTION_VISIT.AREA_ID))
                .where(INSPECTION_VISIT.ID.eq(id))
                .fetchOptional(r -> toVisit(r, checks(r.get(INSPECTION_VISIT.TOWN_ID), id)));
    }

    /** The area's visits, newest first, without their checklists. */
    public List<Visit> list(long townId, long areaId) {
        return db.select(INSPECTION_VISIT.asterisk(), AREA.NAME, FINDINGS).from(INSPECTION_VISIT)
                .join(AREA).on(AREA.ID.eq(INSPECTION_VISIT.AREA_ID))
                .where(INSPECTION_VISIT.TOWN_ID.eq(townId), INSPECTION_VISIT.AREA_ID.eq(areaId))
                .orderBy(INSPECTION_VISIT.VISITED_AT.desc(), INSPECTION_VISIT.ID.desc())
                .limit(LIST_LIMIT)
                .fetch(r -> toVisit(r, List.of()));
    }

    /** When each of the areas was last visited; areas never visited are missing. */
    public Map<Long, OffsetDateTime> lastVisits(Collection<Long> townIds, Collection<Long> areaIds) {
        return db.select(INSPECTION_VISIT.AREA_ID, max(INSPECTION_VISIT.VISITED_AT)).from(INSPECTION_VISIT)
                .where(INSPECTION_VISIT.TOWN_ID.in(townIds), INSPECTION_VISIT.AREA_ID.in(areaIds))
                .groupBy(INSPECTION_VISIT.AREA_ID)
                .fetchMap(INSPECTION_VISIT.AREA_ID, max(INSPECTION_VISIT.VISITED_AT));
    }

    private List<Check> checks(long townId, long visitId) {
        Map<String, InspectionItem> byCode = items.byCode();
        return db.select(INSPECTION_CHECK.ITEM_CODE, INSPECTION_CHECK.RESULT, INSPECTION_CHECK.NOTE, INSPECTION_TASK.ID)
                .from(INSPECTION_CHECK)
                .leftJoin(INSPECTION_TASK).on(INSPECTION_TASK.VISIT_ID.eq(INSPECTION_CHECK.VISIT_ID),
                        INSPECTION_TASK.ITEM_CODE.eq(INSPECTION_CHECK.ITEM_CODE))
                .where(INSPECTION_CHECK.TOWN_ID.eq(townId), INSPECTION_CHECK.VISIT_ID.eq(visitId))
                .fetch(r -> new Check(byCode.get(r.value1()), CheckResult.valueOf(r.value2()), r.value3(), r.value4()))
                .stream()
                .sorted(java.util.Comparator.comparingInt(c -> items.items().indexOf(c.item())))
                .toList();
    }

    private static Visit toVisit(Record r, List<Check> checks) {
        return new Visit(r.get(INSPECTION_VISIT.ID), r.get(INSPECTION_VISIT.TOWN_ID), r.get(INSPECTION_VISIT.AREA_ID),
                r.get(INSPECTION_VISIT.AREA_PATH), r.get(AREA.NAME), r.get(INSPECTION_VISIT.SUPERVISOR_NAME),
                r.get(INSPECTION_VISIT.VISITED_AT), r.get(INSPECTION_VISIT.NOTE), r.get(FINDINGS), checks);
    }
}
