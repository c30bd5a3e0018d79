package org.haolin.pairing.internal;

import org.haolin.access.Grant;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scope;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.platform.DomainException;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static haolin.schema.Tables.RESIDENT;

/**
 * Finds a resident (or a residential area) for someone holding the permission over it; everybody else is told
 * it does not exist, so its existence is not revealed.
 */
@Component
public class PairingAccess {

    private final org.jooq.DSLContext db;
    private final Scopes scopes;
    private final AreaTree areas;

    PairingAccess(org.jooq.DSLContext db, Scopes scopes, AreaTree areas) {
        this.db = db;
        this.scopes = scopes;
        this.areas = areas;
    }

    public ResidentPlace resident(HaolinUser user, Permission permission, long residentId) {
        return db.select(RESIDENT.ID, RESIDENT.TOWN_ID, RESIDENT.AREA_ID, RESIDENT.AREA_PATH, RESIDENT.NAME)
                .from(RESIDENT)
                .where(RESIDENT.ID.eq(residentId), scopes.of(user, permission).on(RESIDENT.TOWN_ID, RESIDENT.AREA_PATH))
                .fetchOptional(r -> new ResidentPlace(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()))
                .orElseThrow(() -> DomainException.notFound("pairing.resident.notFound", residentId));
    }

    /** A residential area the person pairs residents in. */
    public Area residentialArea(HaolinUser user, long areaId) {
        return areas.find(areaId).filter(a -> a.level() == AreaLevel.RESIDENTIAL_AREA
                        && scopes.of(user, Permission.PAIR_RESIDENTS).covers(a.path()))
                .orElseThrow(() -> DomainException.notFound("area.notFound", areaId));
    }

    /** The residential areas inside or around the person's grants to pair residents. */
    public List<Area> residentialAreas(HaolinUser user) {
        Scope scope = scopes.of(user, Permission.PAIR_RESIDENTS);
        Map<Long, Area> found = new LinkedHashMap<>();
        for (Grant grant : scope.grants()) {
            Area granted = areas.find(grant.areaId()).orElseThrow();
            if (granted.level().ordinal() >= AreaLevel.RESIDENTIAL_AREA.ordinal()) {
                Area area = areas.find(granted.lineage().get(2)).orElseThrow();
                found.put(area.id(), area);
            } else {
                areas.descendants(granted, AreaLevel.RESIDENTIAL_AREA).forEach(a -> found.put(a.id(), a));
            }
        }
        return List.copyOf(found.values());
    }
}
