package org.haolin.inspection.internal;

import org.haolin.access.Scope;
import org.haolin.area.Area;
import org.haolin.inspection.InspectionItem;
import org.haolin.inspection.RectificationTask;
import org.haolin.inspection.TaskChange;
import org.haolin.inspection.TaskState;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.INSPECTION_TASK;
import static haolin.schema.Tables.INSPECTION_TASK_CHANGE;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.when;

/** Rectification tasks and their history. Callers check scope or pass the condition of what the reader may see. */
@Component
public class TaskStore {

    private static final int LIST_LIMIT = 500;
    private static final List<String> WITH_OWNER = List.of(TaskState.OPEN.name(), TaskState.REOPENED.name());

    private final DSLContext db;
    private final ItemCatalogue items;

    TaskStore(DSLContext db, ItemCatalogue items) {
        this.db = db;
        this.items = items;
    }

    /** A new OPEN task, with its first history row. */
    public long insert(Area area, long visitId, String itemCode, String description, long ownerId, String ownerName,
                       LocalDate dueOn, long byId, String byName, OffsetDateTime at) {
        long id = db.insertInto(INSPECTION_TASK).set(INSPECTION_TASK.TOWN_ID, area.townId())
                .set(INSPECTION_TASK.AREA_ID, area.id()).set(INSPECTION_TASK.AREA_PATH, area.path())
                .set(INSPECTION_TASK.VISIT_ID, visitId).set(INSPECTION_TASK.ITEM_CODE, itemCode)
                .set(INSPECTION_TASK.DESCRIPTION, description).set(INSPECTION_TASK.OWNER_ID, ownerId)
                .set(INSPECTION_TASK.OWNER_NAME, ownerName).set(INSPECTION_TASK.DUE_ON, dueOn)
                .set(INSPECTION_TASK.CREATED_AT, at)
                .returning(INSPECTION_TASK.ID).fetchOne(INSPECTION_TASK.ID);
        change(area.townId(), area.id(), area.path(), id, null, TaskState.OPEN, byId, byName, null, at);
        return id;
    }

    public Optional<RectificationTask> find(long id, LocalDate today) {
        return db.select(INSPECTION_TASK.asterisk(), AREA.NAME).from(INSPECTION_TASK)
                .join(AREA).on(AREA.ID.eq(INSPECTION_TASK.AREA_ID))
                .where(INSPECTION_TASK.ID.eq(id))
                .fetchOptional(r -> toTask(r, today, changes(r.get(INSPECTION_TASK.TOWN_ID), id)));
    }

    /**
     * The tasks of the areas the inspect scope covers, and those owned by the account in an area one of its staff
     * scopes covers: those still with their owner first, the most overdue first.
     */
    public List<RectificationTask> list(Scope inspect, long accountId, List<Scope> staff, LocalDate today) {
        Condition owned = INSPECTION_TASK.OWNER_ID.eq(accountId).and(staff.stream()
                .map(s -> s.on(INSPECTION_TASK.TOWN_ID, INSPECTION_TASK.AREA_PATH))
                .reduce(Condition::or).orElse(falseCondition()));
        Condition visible = inspect.on(INSPECTION_TASK.TOWN_ID, INSPECTION_TASK.AREA_PATH).or(owned);
        return db.select(INSPECTION_TASK.asterisk(), AREA.NAME).from(INSPECTION_TASK)
                .join(AREA).on(AREA.ID.eq(INSPECTION_TASK.AREA_ID))
                .where(visible)
                .orderBy(when(INSPECTION_TASK.STATE.in(WITH_OWNER), 0).when(INSPECTION_TASK.STATE.eq("DONE"), 1)
                                .otherwise(2), INSPECTION_TASK.DUE_ON, INSPECTION_TASK.ID)
                .limit(LIST_LIMIT)
                .fetch(r -> toTask(r, today, List.of()));
    }

    /** Moves the task on from the state and version it was read in; false when someone moved it meanwhile. */
    public boolean move(RectificationTask task, TaskState to, long byId, String byName, String note, OffsetDateTime at) {
        return move(task, to, null, byId, byName, note, at);
    }

    /** The same, giving the task a new due day (to be told again should it pass). */
    public boolean move(RectificationTask task, TaskState to, LocalDate newDueOn, long byId, String byName, String note,
                        OffsetDateTime at) {
        var update = db.update(INSPECTION_TASK).set(INSPECTION_TASK.STATE, to.name())
                .set(INSPECTION_TASK.VERSION, INSPECTION_TASK.VERSION.plus(1));
        if (to == TaskState.CLOSED) {
            update = update.set(INSPECTION_TASK.CLOSED_AT, at);
        }
        if (newDueOn != null) {
            update = update.set(INSPECTION_TASK.DUE_ON, newDueOn).set(INSPECTION_TASK.OVERDUE_TOLD, false);
        }
        boolean moved = update.where(INSPECTION_TASK.TOWN_ID.eq(task.townId()), INSPECTION_TASK.ID.eq(task.id()),
                INSPECTION_TASK.VERSION.eq(task.version())).execute() == 1;
        if (moved) {
            change(task.townId(), task.areaId(), task.areaPath(), task.id(), task.state(), to, byId, byName, note, at);
        }
        return moved;
    }

    /** Per area: tasks not closed, those overdue, those closed since the given time. */
    public Map<Long, Counts> counts(Collection<Long> townIds, Collection<Long> areaIds, LocalDate today,
                                    OffsetDateTime closedSince) {
        var open = count().filterWhere(INSPECTION_TASK.STATE.ne(TaskState.CLOSED.name()));
        var overdue = count().filterWhere(INSPECTION_TASK.STATE.in(WITH_OWNER), INSPECTION_TASK.DUE_ON.lt(today));
        var closed = count().filterWhere(INSPECTION_TASK.STATE.eq(TaskState.CLOSED.name()),
                INSPECTION_TASK.CLOSED_AT.ge(closedSince));
        return db.select(INSPECTION_TASK.AREA_ID, open, overdue, closed).from(INSPECTION_TASK)
                .where(INSPECTION_TASK.TOWN_ID.in(townIds), INSPECTION_TASK.AREA_ID.in(areaIds))
                .groupBy(INSPECTION_TASK.AREA_ID)
                .fetchMap(r -> r.value1(), r -> new Counts(r.value2(), r.value3(), r.value4()));
    }

    public record Counts(int open, int overdue, int closedSince) {
        public static final Counts NONE = new Counts(0, 0, 0);
    }

    private void change(long townId, long areaId, String areaPath, long taskId, TaskState from, TaskState to,
                        long byId, String byName, String note, OffsetDateTime at) {
        db.insertInto(INSPECTION_TASK_CHANGE).set(INSPECTION_TASK_CHANGE.TASK_ID, taskId)
                .set(INSPECTION_TASK_CHANGE.TOWN_ID, townId).set(INSPECTION_TASK_CHANGE.AREA_ID, areaId)
                .set(INSPECTION_TASK_CHANGE.AREA_PATH, areaPath)
                .set(INSPECTION_TASK_CHANGE.FROM_STATE, from == null ? null : from.name())
                .set(INSPECTION_TASK_CHANGE.TO_STATE, to.name()).set(INSPECTION_TASK_CHANGE.BY_ID, byId)
                .set(INSPECTION_TASK_CHANGE.BY_NAME, byName).set(INSPECTION_TASK_CHANGE.NOTE, note)
                .set(INSPECTION_TASK_CHANGE.AT, at).execute();
    }

    private List<TaskChange> changes(long townId, long taskId) {
        return db.selectFrom(INSPECTION_TASK_CHANGE)
                .where(INSPECTION_TASK_CHANGE.TOWN_ID.eq(townId), INSPECTION_TASK_CHANGE.TASK_ID.eq(taskId))
                .orderBy(INSPECTION_TASK_CHANGE.AT, INSPECTION_TASK_CHANGE.ID)
                .fetch(c -> new TaskChange(c.getFromState() == null ? null : TaskState.valueOf(c.getFromState()),
                        TaskState.valueOf(c.getToState()), c.getByName(), c.getNote(), c.getAt()));
    }

    private RectificationTask toTask(Record r, LocalDate today, List<TaskChange> changes) {
        TaskState state = TaskState.valueOf(r.get(INSPECTION_TASK.STATE));
        LocalDate due = r.get(INSPECTION_TASK.DUE_ON);
        InspectionItem item = items.item(r.get(INSPECTION_TASK.ITEM_CODE));
        return new RectificationTask(r.get(INSPECTION_TASK.ID), r.get(INSPECTION_TASK.TOWN_ID),
                r.get(INSPECTION_TASK.AREA_ID), r.get(INSPECTION_TASK.AREA_PATH), r.get(AREA.NAME),
                r.get(INSPECTION_TASK.VISIT_ID), item, r.get(INSPECTION_TASK.DESCRIPTION),
                r.get(INSPECTION_TASK.OWNER_ID), r.get(INSPECTION_TASK.OWNER_NAME), due, state,
                state.awaitsOwner() && due.isBefore(today), r.get(INSPECTION_TASK.VERSION),
                r.get(INSPECTION_TASK.CREATED_AT), changes);
    }
}
