package org.haolin.cockpit;

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
import org.haolin.cockpit.internal.TownRollup;
import org.haolin.platform.DomainException;
import org.haolin.keygroup.KeyGroupLists;
import org.haolin.keygroup.WaitingRows;
import org.haolin.pairing.AreaPairingCoverage;
import org.haolin.pairing.CheckIns;
import org.haolin.pairing.Pairings;
import org.haolin.resident.Residents;
import org.haolin.screening.ScreeningPanel;
import org.haolin.inspection.Supervision;
import org.haolin.plan.PostShortages;
import org.haolin.rota.RotaFigures;
import org.haolin.workforce.Volunteers;
import org.haolin.wish.Wishes;
import org.haolin.sweep.AreaCoverage;
import org.haolin.sweep.SweepRounds;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The town overview: figures of an area in the viewer's scope and of each area one level down, read from
 * the rollup. Counts are not personal data, but who looked at which area is still recorded.
 */
@Service
public class Cockpit {

    private final Scopes scopes;
    private final AreaTree areas;
    private final Residents residents;
    private final TownRollup rollup;
    private final AuditTrail audit;
    private final SweepRounds sweeps;
    private final KeyGroupLists keyGroupLists;
    private final Pairings pairings;
    private final CheckIns checkIns;
    private final Wishes wishes;
    private final ScreeningPanel screening;
    private final PostShortages shortages;
    private final RotaFigures rotas;
    private final Volunteers volunteers;
    private final Supervision supervision;

    Cockpit(Scopes scopes, AreaTree areas, Residents residents, TownRollup rollup, AuditTrail audit, SweepRounds sweeps,
            KeyGroupLists keyGroupLists, Pairings pairings, CheckIns checkIns, Wishes wishes, ScreeningPanel screening,
            PostShortages shortages, RotaFigures rotas, Volunteers volunteers, Supervision supervision) {
        this.scopes = scopes;
        this.areas = areas;
        this.residents = residents;
        this.rollup = rollup;
        this.audit = audit;
        this.sweeps = sweeps;
        this.keyGroupLists = keyGroupLists;
        this.pairings = pairings;
        this.checkIns = checkIns;
        this.wishes = wishes;
        this.screening = screening;
        this.shortages = shortages;
        this.rotas = rotas;
        this.volunteers = volunteers;
        this.supervision = supervision;
    }

    /**
     * The overview of an area, or with no area of where the person's scope starts. An area outside the
     * scope answers "not found", as if it did not exist; a person without the permission is refused.
     */
    @Transactional
    public Overview overview(HaolinUser user, Long areaId) {
        Scope scope = scopes.of(user, Permission.VIEW_COCKPIT);
        if (scope.isEmpty()) {
            throw DomainException.forbidden("access.denied");
        }
        Overview overview = areaId == null ? start(scope) : of(scope, inScope(user, scope, areaId));
        overview = overview.with(sweepsOf(user, overview), waitingIn(user, overview), pairingOf(user, overview),
                wishes.figures(user), user.may(Permission.PAIR_RESIDENTS) ? checkIns.overdueCount(user) : 0,
                screening.campaigns(user, overview.area()), dutyOf(user, overview));
        Area area = overview.area();
        audit.record(user, AuditAction.LIST, area == null ? AuditedObject.of("COCKPIT", null, null, null)
                : AuditedObject.of("COCKPIT", area.id(), area.townId(), area.path()), null);
        return overview;
    }

    /** Counts a town again now, e.g. after a bulk import; the figures are also counted after changes and every hour. */
    public int refresh(long townId) {
        return rollup.refresh(townId);
    }

    private List<AreaCoverage> sweepsOf(HaolinUser user, Overview overview) {
        return sweeps.coverageThisWeek(user).stream().filter(c -> here(overview, c.areaId())).toList();
    }

    private DutyPanel dutyOf(HaolinUser user, Overview overview) {
        return new DutyPanel(
                shortages.inScope(user).posts().stream().filter(p -> here(overview, p.residentialAreaId())).toList(),
                rotas.restDayCompliance(user).stream().filter(r -> here(overview, r.areaId())).toList(),
                rotas.volunteersOnDuty(user),
                volunteers.figures(user).stream().filter(v -> here(overview, v.areaId())).toList(),
                supervision.figures(user).stream().filter(f -> here(overview, f.areaId())).toList());
    }

    private List<AreaPairingCoverage> pairingOf(HaolinUser user, Overview overview) {
        if (!user.may(Permission.PAIR_RESIDENTS)) {
            return List.of();
        }
        return pairings.coverage(user).stream().filter(c -> here(overview, c.areaId())).toList();
    }

    /** Lists with rows waiting in the viewer's scope; per residential area, those here (unplaced rows at town level). */
    private WaitingRows waitingIn(HaolinUser user, Overview overview) {
        WaitingRows waiting = keyGroupLists.waiting(user);
        return new WaitingRows(waiting.lists(), waiting.areas().stream()
                .filter(a -> a.areaId() == null ? overview.area() == null || overview.area().level().ordinal()
                        <= AreaLevel.TOWN.ordinal() : here(overview, a.areaId()))
                .toList());
    }

    /** An area (usually a residential area) below the viewed area or the one it lies in; any, when no area is viewed. */
    private boolean here(Overview overview, long areaId) {
        Area area = overview.area();
        return area == null || areas.find(areaId).map(Area::path)
                .filter(path -> path.startsWith(area.path()) || area.path().startsWith(path)).isPresent();
    }

    private Area inScope(HaolinUser user, Scope scope, long areaId) {
        Area area = areas.find(areaId).orElseThrow(() -> DomainException.notFound("area.notFound", areaId));
        if (!scope.covers(area.path())) {
            audit.denied(user, AuditAction.LIST, AuditedObject.of("COCKPIT", areaId, area.townId(), area.path()));
            throw DomainException.notFound("area.notFound", areaId);
        }
        return area;
    }

    /** One area granted: its overview. Several: each of them is a row, and the totals add them up. */
    private Overview start(Scope scope) {
        List<Area> granted = scope.grants().stream().map(Grant::areaId)
                .map(id -> areas.find(id).orElseThrow()).toList();
        if (granted.size() == 1) {
            return of(scope, granted.getFirst());
        }
        return assemble(scope, null, List.of(), granted);
    }

    private Overview of(Scope scope, Area area) {
        List<Area> parts = area.level() == AreaLevel.STAIRWELL ? List.of() : areas.descendants(area, area.level().below());
        return assemble(scope, area, areas.lineage(area), parts);
    }

    private Overview assemble(Scope scope, Area area, List<Area> lineage, List<Area> parts) {
        List<Long> towns = Stream.concat(Stream.ofNullable(area), parts.stream()).map(Area::townId).distinct().toList();
        towns.stream().filter(town -> !rollup.counted(town)).forEach(rollup::refresh);
        List<Long> ids = new ArrayList<>(parts.stream().map(Area::id).toList());
        if (area != null) {
            ids.add(area.id());
        }
        Map<Long, Figures> figures = rollup.figures(scope, ids);
        List<AreaFigures> rows = parts.stream()
                .map(p -> new AreaFigures(p, figures.getOrDefault(p.id(), Figures.NONE))).toList();
        Figures totals = area != null ? figures.getOrDefault(area.id(), Figures.NONE)
                : rows.stream().map(AreaFigures::figures).reduce(Figures.NONE, Figures::plus);
        List<TagFigure> tags = residents.catalogue().stream()
                .filter(t -> totals.tag(t.code()) > 0)
                .map(t -> new TagFigure(t, totals.tag(t.code()))).toList();
        List<Area> zoned = (area != null ? Stream.of(area) : parts.stream()).flatMap(a -> areas.zoned(a).stream()).toList();
        return new Overview(area, lineage, totals, rows, tags, rollup.asOf(towns).orElse(null), zoned, List.of(),
                new WaitingRows(List.of(), List.of()), List.of(), null, 0, List.of(), DutyPanel.NONE);
    }
}
