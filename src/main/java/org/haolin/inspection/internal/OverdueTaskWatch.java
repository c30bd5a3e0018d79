package org.haolin.inspection.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.haolin.inspection.RectificationOverdue;
import org.haolin.inspection.TaskState;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static haolin.schema.Tables.INSPECTION_TASK;

/**
 * Finds rectification tasks that have just become overdue and says so once per task, town by town, each in its own
 * transaction. Safe to run again: a task already told about is not told twice.
 */
@Component
public class OverdueTaskWatch {

    private static final List<String> WITH_OWNER = List.of(TaskState.OPEN.name(), TaskState.REOPENED.name());

    private final DSLContext db;
    private final TaskStore tasks;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OverdueTaskWatch(DSLContext db, TaskStore tasks, TransactionTemplate tx, ApplicationEventPublisher events,
                     Clock clock) {
        this.db = db;
        this.tasks = tasks;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 15, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    @SchedulerLock(name = "inspection.overdueWatch")
    public void watch() {
        LocalDate today = LocalDate.now(clock);
        db.selectDistinct(INSPECTION_TASK.TOWN_ID).from(INSPECTION_TASK).where(overdueUntold(today))
                .fetch(INSPECTION_TASK.TOWN_ID)
                .forEach(town -> tx.executeWithoutResult(s -> tell(town, today)));
    }

    private void tell(long townId, LocalDate today) {
        List<Long> ids = db.update(INSPECTION_TASK).set(INSPECTION_TASK.OVERDUE_TOLD, true)
                .where(INSPECTION_TASK.TOWN_ID.eq(townId), overdueUntold(today))
                .returning(INSPECTION_TASK.ID).fetch(INSPECTION_TASK.ID);
        for (long id : ids) {
            tasks.find(id, today).ifPresent(t -> events.publishEvent(new RectificationOverdue(t.townId(), t.areaId(),
                    t.areaPath(), t.areaName(), t.id(), t.ownerId(), t.item().nameZh(), t.item().nameEn(), t.dueOn())));
        }
    }

    private static org.jooq.Condition overdueUntold(LocalDate today) {
        return INSPECTION_TASK.STATE.in(WITH_OWNER).and(INSPECTION_TASK.DUE_ON.lt(today))
                .and(INSPECTION_TASK.OVERDUE_TOLD.isFalse());
    }
}
