package org.haolin.inspection;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.area.Area;
import org.haolin.inspection.internal.AreaStaff;
import org.haolin.inspection.internal.ItemCatalogue;
import org.haolin.inspection.internal.TaskStore;
import org.haolin.inspection.internal.VisitStore;
import org.haolin.platform.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a visit an inspector may record in the area: the whole checklist is checked first (a finding needs a
 * description, an owner from the area's staff and a due day not in the past), so a refused visit saves nothing;
 * then the visit, its checks and one rectification task per finding, each owner told.
 */
@Component
class RecordedVisits {

    static final int DEFAULT_DUE_DAYS = 3;
    static final int MAX_TEXT = 1000;

    private final VisitStore visits;
    private final TaskStore tasks;
    private final AreaStaff staff;
    private final ItemCatalogue items;
    private final InspectedAreas areas;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    RecordedVisits(VisitStore visits, TaskStore tasks, AreaStaff staff, ItemCatalogue items, InspectedAreas areas,
                   AuditTrail audit, ApplicationEventPublisher events) {
        this.visits = visits;
        this.tasks = tasks;
        this.staff = staff;
        this.items = items;
        this.areas = areas;
        this.audit = audit;
        this.events = events;
    }

    /** A finding ready to become a task. */
    private record Finding(InspectionItem item, String description, StaffMember owner, LocalDate dueOn) {
    }

    long record(HaolinUser user, Area area, NewVisit visit) {
        if (visit.clientId() == null) {
            throw DomainException.invalid("inspection.visit.clientId");
        }
        var earlier = visits.byClientId(area.townId(), visit.clientId());
        if (earlier.isPresent()) {
            return sameVisit(user, earlier.get());
        }
        List<NewCheck> checks = checklist(visit.checks());
        List<Finding> findings = findings(area, checks);
        String note = text(visit.note(), "inspection.visit.note.tooLong");
        OffsetDateTime now = areas.now();
        var inserted = visits.insert(area, user.accountId(), user.displayName(), now, note, visit.clientId());
        if (inserted.isEmpty()) { // the same form, sent twice at once: the other one recorded it
            return sameVisit(user, visits.byClientId(area.townId(), visit.clientId()).orElseThrow());
        }
        long id = inserted.get();
        visits.insertChecks(area, id, checks);
        for (Finding f : findings) {
            long task = tasks.insert(area, id, f.item().code(), f.description(), f.owner().accountId(),
                    f.owner().name(), f.dueOn(), user.accountId(), user.displayName(), now);
            events.publishEvent(new RectificationAssigned(area.townId(), area.id(), area.path(), area.name(), task,
                    f.owner().accountId(), f.item().nameZh(), f.item().nameEn(), f.dueOn(), false));
        }
        audit.record(user, AuditAction.INSPECTION, AuditedObject.of("INSPECTION_VISIT", id, area.townId(), area.path()),
                "visit recorded, " + findings.size() + " findings");
        return id;
    }

    private static long sameVisit(HaolinUser user, VisitStore.Recorded earlier) {
        if (earlier.supervisorId() != user.accountId()) {
            throw DomainException.conflict("inspection.visit.clientIdUsed");
        }
        return earlier.visitId();
    }

    /** Every item of the checklist once, in its order: those not given are not checked. */
    private List<NewCheck> checklist(List<NewCheck> given) {
        Map<String, NewCheck> byCode = new LinkedHashMap<>();
        for (NewCheck check : given) {
            InspectionItem item = items.item(check.itemCode());
            if (byCode.containsKey(item.code())) {
                throw DomainException.invalid("inspection.item.twice", shown(item));
            }
            CheckResult result = check.result() == null ? CheckResult.NOT_CHECKED : check.result();
            String note = text(check.note(), "inspection.check.note.tooLong", shown(item));
            if (result == CheckResult.FINDING && note == null) {
                throw DomainException.invalid("inspection.finding.descriptionRequired", shown(item));
            }
            byCode.put(item.code(), new NewCheck(item.code(), result, note, check.ownerId(), check.dueOn()));
        }
        return items.items().stream().map(item -> byCode.getOrDefault(item.code(),
                new NewCheck(item.code(), CheckResult.NOT_CHECKED, null, null, null))).toList();
    }

    private List<Finding> findings(Area area, List<NewCheck> checks) {
        List<NewCheck> found = checks.stream().filter(c -> c.result() == CheckResult.FINDING).toList();
        if (found.isEmpty()) {
            return List.of();
        }
        List<StaffMember> owners = staff.owners(area);
        if (owners.isEmpty()) {
            throw DomainException.invalid("inspection.owner.none", area.name());
        }
        LocalDate today = areas.today();
        List<Finding> findings = new ArrayList<>();
        for (NewCheck check : found) {
            InspectionItem item = items.item(check.itemCode());
            StaffMember owner = check.ownerId() == null ? owners.getFirst() : owners.stream()
                    .filter(o -> o.accountId() == check.ownerId()).findFirst()
                    .orElseThrow(() -> DomainException.invalid("inspection.owner.notStaff", shown(item)));
            LocalDate due = check.dueOn() == null ? today.plusDays(DEFAULT_DUE_DAYS) : check.dueOn();
            if (due.isBefore(today)) {
                throw DomainException.invalid("inspection.due.past", shown(item));
            }
            findings.add(new Finding(item, check.note(), owner, due));
        }
        return findings;
    }

    /** The item as the person reading the refusal calls it. */
    private static String shown(InspectionItem item) {
        return item.name(LocaleContextHolder.getLocale());
    }

    /** Trimmed text, null when blank; refused when longer than a form allows. */
    static String text(String raw, String tooLongKey, Object... args) {
        String text = raw == null ? "" : raw.strip();
        if (text.length() > MAX_TEXT) {
            throw DomainException.invalid(tooLongKey, args);
        }
        return text.isEmpty() ? null : text;
    }
}
