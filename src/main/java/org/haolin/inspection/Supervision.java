package org.haolin.inspection;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scope;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.inspection.internal.AreaStaff;
import org.haolin.inspection.internal.ItemCatalogue;
import org.haolin.inspection.internal.TaskStore;
import org.haolin.inspection.internal.VisitStore;
import org.haolin.platform.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Supervision (包保督查) of residential areas: which areas have supervisors and visits, recording a visit with its
 * checklist (every problem found becomes a rectification task: see {@link RecordedVisits}), and the figures the
 * cockpit shows. Those holding INSPECT over an area (its supervisors, the town's administrators) work here.
 */
@Service
public class Supervision {

    /** An area not visited for this many days or more is flagged. */
    public static final int VISIT_EVERY_DAYS = 7;

    private final InspectedAreas areas;
    private final Scopes scopes;
    private final VisitStore visits;
    private final TaskStore tasks;
    private final AreaStaff staff;
    private final ItemCatalogue items;
    private final RecordedVisits recorder;
    private final AuditTrail audit;

    Supervision(InspectedAreas areas, Scopes scopes, VisitStore visits, TaskStore tasks, AreaStaff staff,
                ItemCatalogue items, RecordedVisits recorder, AuditTrail audit) {
        this.areas = areas;
        this.scopes = scopes;
        this.visits = visits;
        this.tasks = tasks;
        this.staff = staff;
        this.items = items;
        this.recorder = recorder;
        this.audit = audit;
    }

    /** The residential areas the person supervises (or, for a town administrator, all the town's) and their state. */
    public List<AreaSupervision> overview(HaolinUser user) {
        Scope scope = inspecting(user);
        List<Area> inScope = areas.residentialAreas(scope);
        List<AreaFindings> findings = findings(inScope);
        Map<Long, List<String>> supervisors = new LinkedHashMap<>();
        inScope.stream().collect(Collectors.groupingBy(Area::townId))
                .forEach((town, townAreas) -> supervisors.putAll(staff.supervisors(town, townAreas)));
        LocalDate visitBy = areas.today().minusDays(VISIT_EVERY_DAYS);
        return findings.stream().map(f -> {
            List<String> names = supervisors.getOrDefault(f.areaId(), List.of());
            return new AreaSupervision(f, names, names.isEmpty(),
                    f.lastVisit() == null || !f.lastVisit().isAfter(visitBy));
        }).toList();
    }

    /** For the cockpit: per residential area in the person's cockpit scope, findings open, overdue, closed this week. */
    public List<AreaFindings> figures(HaolinUser user) {
        return findings(areas.residentialAreas(scopes.of(user, Permission.VIEW_COCKPIT)));
    }

    public List<InspectionItem> items() {
        return items.items();
    }

    /** What the visit form of an area offers. */
    public VisitForm visitForm(HaolinUser user, long areaId) {
        Area area = areas.inspected(user, areaId);
        List<StaffMember> owners = staff.owners(area);
        return new VisitForm(area.id(), area.name(), items.items(), owners,
                owners.isEmpty() ? null : owners.getFirst().accountId(),
                areas.today().plusDays(RecordedVisits.DEFAULT_DUE_DAYS), areas.today());
    }

    /** Records a visit; the same client id again gives back the visit it first recorded. */
    @Transactional
    public long record(HaolinUser user, NewVisit visit) {
        return recorder.record(user, areas.inspected(user, visit.areaId()), visit);
    }

    /** An area's visits, newest first. */
    @Transactional
    public List<Visit> visits(HaolinUser user, long areaId) {
        Area area = areas.inspected(user, areaId);
        List<Visit> list = visits.list(area.townId(), area.id());
        audit.record(user, AuditAction.LIST, AuditedObject.of("INSPECTION_VISIT", null, area.townId(), area.path()),
                list.size() + " visits");
        return list;
    }

    /** One visit with its checklist and the tasks its findings became. */
    @Transactional
    public Visit visit(HaolinUser user, long id) {
        Visit visit = visits.find(id).filter(v -> areas.may(user, Permission.INSPECT, v.areaPath()))
                .orElseThrow(() -> DomainException.notFound("inspection.visit.notFound", id));
        audit.record(user, AuditAction.READ, AuditedObject.of("INSPECTION_VISIT", id, visit.townId(), visit.areaPath()),
                null);
        return visit;
    }

    /** The area as the page heads it, for someone who may inspect there. */
    public AreaFindings area(HaolinUser user, long areaId) {
        return findings(List.of(areas.inspected(user, areaId))).getFirst();
    }

    private Scope inspecting(HaolinUser user) {
        Scope scope = scopes.of(user, Permission.INSPECT);
        if (scope.isEmpty()) {
            throw DomainException.forbidden("inspection.inspectorsOnly");
        }
        return scope;
    }

    private List<AreaFindings> findings(List<Area> inScope) {
        if (inScope.isEmpty()) {
            return List.of();
        }
        List<Long> towns = inScope.stream().map(Area::townId).distinct().toList();
        List<Long> ids = inScope.stream().map(Area::id).toList();
        Map<Long, OffsetDateTime> last = visits.lastVisits(towns, ids);
        Map<Long, TaskStore.Counts> counts = tasks.counts(towns, ids, areas.today(), areas.weekStart());
        List<AreaFindings> findings = new ArrayList<>();
        for (Area a : inScope) {
            TaskStore.Counts c = counts.getOrDefault(a.id(), TaskStore.Counts.NONE);
            OffsetDateTime visited = last.get(a.id());
            findings.add(new AreaFindings(a.id(), a.name(), a.path(), c.open(), c.overdue(), c.closedSince(),
                    visited == null ? null : areas.localDay(visited)));
        }
        return findings;
    }
}
