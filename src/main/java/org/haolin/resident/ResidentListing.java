package org.haolin.resident;

import haolin.schema.tables.records.ResidentRecord;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scope;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.area.AreaTree;
import org.haolin.platform.DomainException;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every resident under an area, stairwell by stairwell and room by room, streamed with a database cursor
 * so that a whole town can be exported without holding it in memory. Identifiers stay masked. The caller
 * audits (it knows what the listing is for, such as an export).
 */
@Service
public class ResidentListing {

    private static final int CHUNK = 500;

    private final DSLContext db;
    private final Scopes scopes;
    private final AreaTree areas;
    private final Residents residents;

    ResidentListing(DSLContext db, Scopes scopes, AreaTree areas, Residents residents) {
        this.db = db;
        this.scopes = scopes;
        this.areas = areas;
        this.residents = residents;
    }

    /** The area, if the person holds the permission on all of it; otherwise "not found". */
    public Area area(HaolinUser user, Permission permission, long areaId) {
        Scope scope = scopes.of(user, permission);
        return areas.find(areaId).filter(a -> a.townId() != null && scope.covers(a.path()))
                .orElseThrow(() -> DomainException.notFound("area.notFound", areaId));
    }

    public int count(HaolinUser user, Permission permission, Area area) {
        return db.fetchCount(db.selectFrom(haolin.schema.Tables.RESIDENT).where(inside(user, permission, area)));
    }

    /** Hands each resident under the area to the consumer, in roster order; returns how many. */
    @Transactional(readOnly = true)
    public int forEach(HaolinUser user, Permission permission, Area area, Consumer<ListedResident> each) {
        var r = haolin.schema.Tables.RESIDENT;
        int count = 0;
        try (Cursor<ResidentRecord> cursor = db.selectFrom(r).where(inside(user, permission, area))
                .orderBy(r.AREA_PATH, DSL.length(r.ROOM), r.ROOM, r.ID)
                .fetchSize(CHUNK).fetchLazy()) {
            while (cursor.hasNext()) {
                List<ResidentRecord> chunk = new ArrayList<>(cursor.fetchNext(CHUNK));
                List<RosterEntry> entries = residents.entries(chunk);
                for (int i = 0; i < chunk.size(); i++) {
                    each.accept(new ListedResident(chunk.get(i).getAreaId(), entries.get(i)));
                }
                count += chunk.size();
            }
        }
        return count;
    }

    private Condition inside(HaolinUser user, Permission permission, Area area) {
        var r = haolin.schema.Tables.RESIDENT;
        return r.TOWN_ID.eq(area.townId()).and(r.AREA_PATH.like(area.path() + "%"))
                .and(scopes.of(user, permission).on(r.TOWN_ID, r.AREA_PATH));
    }
}
