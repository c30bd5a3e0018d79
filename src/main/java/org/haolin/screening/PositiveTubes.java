package org.haolin.screening;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scope;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.area.ZoneLevel;
import org.haolin.area.ZoneLevelChange;
import org.haolin.platform.DomainException;
import org.haolin.platform.Masking;
import org.haolin.screening.internal.ResultStore;
import org.haolin.screening.internal.TracedRows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Tracing positive tubes: who was in them (names masked) and where they live, for those who may read the
 * residents of those stairwells, and raising the zone level of the buildings and compounds they touch.
 */
@Service
public class PositiveTubes {

    private final Scopes scopes;
    private final ResultStore store;
    private final TracedRows traced;
    private final AreaTree areas;
    private final AuditTrail audit;

    PositiveTubes(Scopes scopes, ResultStore store, TracedRows traced, AreaTree areas, AuditTrail audit) {
        this.scopes = scopes;
        this.store = store;
        this.traced = traced;
        this.areas = areas;
        this.audit = audit;
    }

    /**
     * The campaign's positive tubes with the people the viewer may read. A campaign whose area neither lies in
     * the viewer's areas nor holds any of them answers "not found". Each person listed is audited.
     */
    @Transactional
    public Positives positives(HaolinUser user, long campaignId) {
        Scope scope = scopes.of(user, Permission.READ_RESIDENTS);
        ResultCampaign campaign = visible(user, scope, campaignId);
        List<TracedRows.Row> rows = traced.positives(campaign, scope);
        Map<Long, Area> places = places(rows);
        Map<Long, List<TracedPerson>> people = new LinkedHashMap<>();
        Map<Long, TracedRows.Row> tubes = new LinkedHashMap<>();
        for (TracedRows.Row row : rows) {
            tubes.putIfAbsent(row.tubeId(), row);
            people.computeIfAbsent(row.tubeId(), t -> new ArrayList<>()).add(person(row, places));
        }
        List<PositiveTube> positives = tubes.values().stream().map(t -> new PositiveTube(t.tubeId(), t.tubeCode(),
                t.resultAt(), t.resultByName(), people.get(t.tubeId()))).toList();
        if (!rows.isEmpty()) {
            audit.recordAll(user, AuditAction.LIST, rows.stream().map(r -> AuditedObject.of("RESIDENT",
                    r.residentId(), campaign.townId(), r.stairwellPath())).distinct().toList(),
                    "positive tubes of campaign " + campaignId);
        }
        Scope zoning = scopes.of(user, Permission.SET_ZONE_LEVEL);
        List<TracedPerson> all = positives.stream().flatMap(t -> t.people().stream()).toList();
        return new Positives(campaign, positives, affected(all, TracedPerson::buildingId, places, zoning),
                affected(all, TracedPerson::compoundId, places, zoning));
    }

    /**
     * Raises (or sets) the zone level of a building or compound where people of the campaign's positive tubes
     * live; the area tree checks the permission to set zone levels and records the change.
     */
    @Transactional
    public ZoneLevelChange changeZoneLevel(HaolinUser user, long campaignId, long areaId, ZoneLevel to, String reason) {
        Positives positives = positives(user, campaignId);
        boolean affected = positives.buildings().stream().anyMatch(a -> a.area().id() == areaId)
                || positives.compounds().stream().anyMatch(a -> a.area().id() == areaId);
        if (!affected) {
            throw DomainException.notFound("area.notFound", areaId);
        }
        return areas.changeZoneLevel(user, areaId, to, reason);
    }

    /** How many people of a positive tube were scanned for each stairwell: counts for notices, no names. */
    public Map<Long, Integer> peopleByStairwell(long townId, long campaignId, long tubeId) {
        return store.campaign(campaignId).filter(c -> c.townId() == townId)
                .map(c -> store.peopleByStairwell(townId, campaignId, c.campaignDay(), tubeId))
                .orElse(Map.of());
    }

    private ResultCampaign visible(HaolinUser user, Scope scope, long campaignId) {
        ResultCampaign campaign = store.campaign(campaignId)
                .orElseThrow(() -> DomainException.notFound("screening.result.campaign.notFound", campaignId));
        boolean overlaps = scope.grants().stream().anyMatch(g -> g.townId() == campaign.townId()
                && (campaign.areaPath().startsWith(g.areaPath()) || g.areaPath().startsWith(campaign.areaPath())));
        if (!overlaps) {
            audit.denied(user, AuditAction.LIST, AuditedObject.of("CAMPAIGN", campaignId, campaign.townId(),
                    campaign.areaPath()));
            throw DomainException.notFound("screening.result.campaign.notFound", campaignId);
        }
        return campaign;
    }

    /** Every area on the people's paths, read at once. */
    private Map<Long, Area> places(List<TracedRows.Row> rows) {
        List<Long> ids = rows.stream().flatMap(r -> Area.lineageOf(r.stairwellPath()).stream()).distinct().toList();
        return ids.isEmpty() ? Map.of() : areas.findAll(ids);
    }

    private static TracedPerson person(TracedRows.Row row, Map<Long, Area> places) {
        Area building = at(row.stairwellPath(), AreaLevel.BUILDING, places);
        Area compound = at(row.stairwellPath(), AreaLevel.COMPOUND, places);
        Area stairwell = places.get(row.stairwellId());
        return new TracedPerson(row.residentId(), Masking.name(row.name()), row.room(), row.stairwellId(),
                stairwell == null ? "" : stairwell.name(), building == null ? null : building.id(),
                building == null ? "" : building.name(), compound == null ? null : compound.id(),
                compound == null ? "" : compound.name());
    }

    private static Area at(String path, AreaLevel level, Map<Long, Area> places) {
        return Area.lineageOf(path).stream().map(places::get).filter(Objects::nonNull).filter(a -> a.level() == level)
                .findFirst().orElse(null);
    }

    private static List<AffectedArea> affected(Collection<TracedPerson> people, Function<TracedPerson, Long> areaOf,
                                               Map<Long, Area> places, Scope zoning) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        people.stream().map(areaOf).filter(Objects::nonNull).forEach(id -> counts.merge(id, 1L, Long::sum));
        return counts.entrySet().stream().map(e -> places.get(e.getKey())).filter(Objects::nonNull)
                .map(a -> new AffectedArea(a, counts.get(a.id()).intValue(), zoning.covers(a.path()))).toList();
    }
}
