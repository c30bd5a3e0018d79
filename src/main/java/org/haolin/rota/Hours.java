package org.haolin.rota;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.Grant;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scope;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.platform.DomainException;
import org.haolin.rota.internal.HoursQueries;
import org.haolin.rota.internal.HoursSheet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayOutputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static haolin.schema.Tables.ROTA_SHIFT;

/**
 * Volunteer hours: time on started shifts (the protection checklist confirmed) of published rotas, per person
 * and month, for staff who keep the rota or the workforce of an area; and a person's own total.
 */
@Service
public class Hours {

    private final Scopes scopes;
    private final AreaTree areas;
    private final HoursQueries queries;
    private final HoursSheet sheet;
    private final AuditTrail audit;

    Hours(Scopes scopes, AreaTree areas, HoursQueries queries, HoursSheet sheet, AuditTrail audit) {
        this.scopes = scopes;
        this.areas = areas;
        this.queries = queries;
        this.sheet = sheet;
        this.audit = audit;
    }

    /** The hours worked inside an area (the reader's first area when none is named). */
    @Transactional
    public HoursReport report(HaolinUser user, Long areaId) {
        return report(user, areaId, AuditAction.LIST);
    }

    @Transactional
    public byte[] export(HaolinUser user, Long areaId, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheet.write(report(user, areaId, AuditAction.EXPORT), locale, out);
        return out.toByteArray();
    }

    /** The areas the hours page may be opened for: the reader's own areas and the residential areas inside. */
    @Transactional(readOnly = true)
    public List<Area> areas(HaolinUser user) {
        return scope(user).grants().stream().flatMap(g -> areas.find(g.areaId()).stream())
                .flatMap(root -> Stream.concat(Stream.of(root), areas.descendants(root, AreaLevel.RESIDENTIAL_AREA).stream()))
                .distinct().sorted(Comparator.comparing(Area::path)).toList();
    }

    /** A person's own total minutes (town id → their person id). */
    @Transactional(readOnly = true)
    public long startedMinutesOf(Map<Long, Long> personByTown) {
        return personByTown.isEmpty() ? 0 : queries.minutesOf(personByTown);
    }

    private HoursReport report(HaolinUser user, Long areaId, AuditAction action) {
        Scope scope = scope(user);
        if (scope.isEmpty()) {
            throw DomainException.forbidden("hours.staffOnly");
        }
        long id = areaId != null ? areaId : scope.grants().getFirst().areaId();
        Area area = areas.find(id).filter(a -> scope.covers(a.path()))
                .orElseThrow(() -> DomainException.notFound("hours.areaNotFound", id));
        List<PersonHours> people = queries.inArea(area.townId(), area.path(),
                scope.on(ROTA_SHIFT.TOWN_ID, ROTA_SHIFT.AREA_PATH));
        audit.record(user, action, AuditedObject.of("HOURS", area.id(), area.townId(), area.path()),
                people.size() + " people");
        List<YearMonth> months = people.stream().flatMap(p -> p.minutesByMonth().keySet().stream())
                .distinct().sorted().toList();
        return new HoursReport(area, months, people);
    }

    /** Whoever keeps the rota or the workforce of an area reads its hours. */
    private Scope scope(HaolinUser user) {
        List<Grant> grants = new ArrayList<>(scopes.of(user, Permission.MANAGE_ROTA).grants());
        scopes.of(user, Permission.MANAGE_WORKFORCE).grants().stream()
                .filter(g -> grants.stream().noneMatch(k -> g.areaPath().startsWith(k.areaPath())))
                .forEach(grants::add);
        return new Scope(Permission.MANAGE_ROTA, grants);
    }
}
