package org.haolin.inspection;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scope;
import org.haolin.access.Scopes;
import org.haolin.inspection.internal.TaskStore;
import org.haolin.platform.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Rectification tasks followed to closure. The owner (area staff: MANAGE_WORKFORCE or PAIR_RESIDENTS over the
 * area) reports what was done; whoever may inspect the area closes the task or reopens it. Nobody else learns a
 * task exists. Every move is kept with who and when, and audited.
 */
@Service
public class Rectifications {

    /** Permissions that make an owner area staff: the roles that may own a task hold at least one. */
    private static final List<Permission> STAFF = List.of(Permission.MANAGE_WORKFORCE, Permission.PAIR_RESIDENTS);

    private final TaskStore tasks;
    private final InspectedAreas areas;
    private final Scopes scopes;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    Rectifications(TaskStore tasks, InspectedAreas areas, Scopes scopes, AuditTrail audit,
                   ApplicationEventPublisher events) {
        this.tasks = tasks;
        this.areas = areas;
        this.scopes = scopes;
        this.audit = audit;
        this.events = events;
    }

    /** The person's own tasks, and for an inspector every task of the areas they inspect; those with owners first. */
    @Transactional
    public List<RectificationTask> tasks(HaolinUser user) {
        Scope inspect = scopes.of(user, Permission.INSPECT);
        List<Scope> staff = STAFF.stream().map(p -> scopes.of(user, p)).toList();
        if (inspect.isEmpty() && staff.stream().allMatch(Scope::isEmpty)) {
            throw DomainException.forbidden("inspection.tasks.staffOnly");
        }
        List<RectificationTask> list = tasks.list(inspect, user.accountId(), staff, areas.today());
        audit.record(user, AuditAction.LIST, AuditedObject.of("INSPECTION_TASK", null, null, null),
                list.size() + " tasks");
        return list;
    }

    @Transactional
    public RectificationTask task(HaolinUser user, long id) {
        RectificationTask task = visible(user, id);
        audit.record(user, AuditAction.READ, object(task), null);
        return task;
    }

    /** The owner reports what was done; the report is required. */
    @Transactional
    public RectificationTask reportDone(HaolinUser user, long id, String report) {
        RectificationTask task = visible(user, id);
        if (!owns(user, task)) {
            throw DomainException.forbidden("inspection.task.ownerOnly");
        }
        String text = required(report, "inspection.task.reportRequired");
        return move(user, task, task.state().reportDone(), text);
    }

    /** The inspector saw it put right. */
    @Transactional
    public RectificationTask close(HaolinUser user, long id, String note) {
        RectificationTask task = verifiable(user, id);
        return move(user, task, task.state().close(),
                RecordedVisits.text(note, "inspection.task.note.tooLong"));
    }

    /**
     * The inspector found it not put right: back to its owner with the reason (required) and a new due day (default
     * in three days, not in the past); the owner is told again.
     */
    @Transactional
    public RectificationTask reopen(HaolinUser user, long id, String reason, LocalDate dueOn) {
        RectificationTask task = verifiable(user, id);
        String text = required(reason, "inspection.task.reasonRequired");
        TaskState to = task.state().reopen();
        LocalDate due = dueOn == null ? defaultDueOn() : dueOn;
        if (due.isBefore(areas.today())) {
            throw DomainException.invalid("inspection.due.past", task.item().name(LocaleContextHolder.getLocale()));
        }
        RectificationTask reopened = move(user, task, to, due, text);
        events.publishEvent(new RectificationAssigned(task.townId(), task.areaId(), task.areaPath(), task.areaName(),
                task.id(), task.ownerId(), task.item().nameZh(), task.item().nameEn(), due, true));
        return reopened;
    }

    /** The due day a finding or a reopened task gets unless one is chosen. */
    public LocalDate defaultDueOn() {
        return areas.today().plusDays(RecordedVisits.DEFAULT_DUE_DAYS);
    }

    private RectificationTask move(HaolinUser user, RectificationTask task, TaskState to, String note) {
        return move(user, task, to, null, note);
    }

    private RectificationTask move(HaolinUser user, RectificationTask task, TaskState to, LocalDate newDueOn,
                                   String note) {
        if (!tasks.move(task, to, newDueOn, user.accountId(), user.displayName(), note, areas.now())) {
            throw DomainException.conflict("inspection.task.changedMeanwhile");
        }
        audit.record(user, AuditAction.INSPECTION, object(task), task.state() + " -> " + to);
        return tasks.find(task.id(), areas.today()).orElseThrow();
    }

    private RectificationTask verifiable(HaolinUser user, long id) {
        RectificationTask task = visible(user, id);
        if (!areas.may(user, Permission.INSPECT, task.areaPath())) {
            throw DomainException.forbidden("inspection.task.inspectorOnly");
        }
        return task;
    }

    /** A task the person inspects or owns; anything else is "not found", revealing nothing. */
    private RectificationTask visible(HaolinUser user, long id) {
        return tasks.find(id, areas.today())
                .filter(t -> areas.may(user, Permission.INSPECT, t.areaPath()) || owns(user, t))
                .orElseThrow(() -> DomainException.notFound("inspection.task.notFound", id));
    }

    private boolean owns(HaolinUser user, RectificationTask task) {
        return task.ownerId() == user.accountId()
                && STAFF.stream().anyMatch(p -> areas.may(user, p, task.areaPath()));
    }

    private static String required(String raw, String key) {
        String text = RecordedVisits.text(raw, "inspection.task.note.tooLong");
        if (text == null) {
            throw DomainException.invalid(key);
        }
        return text;
    }

    private static AuditedObject object(RectificationTask task) {
        return AuditedObject.of("INSPECTION_TASK", task.id(), task.townId(), task.areaPath());
    }
}
