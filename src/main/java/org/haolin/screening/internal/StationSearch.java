package org.haolin.screening.internal;

import org.haolin.platform.Masking;
import haolin.schema.tables.Area;
import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scopes;
import org.haolin.screening.StationMatch;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.CAMPAIGN;
import static haolin.schema.Tables.CAMPAIGN_EXPECTED;
import static haolin.schema.Tables.RESIDENT;
import static org.jooq.impl.DSL.exists;

/** The station's search for someone without their code: expected residents of the point's area, by name or room. */
@Component
public class StationSearch {

    private static final int MAX_MATCHES = 20;

    private final DSLContext db;
    private final Scopes scopes;
    private final ScanPoints points;
    private final AuditTrail audit;

    StationSearch(DSLContext db, Scopes scopes, ScanPoints points, AuditTrail audit) {
        this.db = db;
        this.scopes = scopes;
        this.points = points;
        this.audit = audit;
    }

    @Transactional
    public List<StationMatch> search(HaolinUser user, ScanPoint point, String query) {
        Area stairwell = AREA.as("stairwell");
        Area building = AREA.as("building");
        var rows = db.select(RESIDENT.ID, RESIDENT.NAME, CAMPAIGN_EXPECTED.ROOM, stairwell.NAME, building.NAME,
                        CAMPAIGN_EXPECTED.TOWN_ID, CAMPAIGN_EXPECTED.AREA_PATH,
                        DSL.field(exists(FirstScans.ofExpected(CAMPAIGN.CAMPAIGN_DAY))))
                .from(CAMPAIGN_EXPECTED)
                .join(CAMPAIGN).on(CAMPAIGN.ID.eq(CAMPAIGN_EXPECTED.CAMPAIGN_ID))
                .join(RESIDENT).on(RESIDENT.ID.eq(CAMPAIGN_EXPECTED.RESIDENT_ID))
                .join(stairwell).on(stairwell.ID.eq(CAMPAIGN_EXPECTED.AREA_ID))
                .join(building).on(building.ID.eq(stairwell.PARENT_ID))
                .where(CAMPAIGN_EXPECTED.TOWN_ID.eq(point.townId()),
                        CAMPAIGN_EXPECTED.CAMPAIGN_ID.eq(point.campaignId()),
                        CAMPAIGN_EXPECTED.AREA_PATH.like(DSL.inline(point.areaPath() + "%")),
                        RESIDENT.NAME.startsWith(query).or(CAMPAIGN_EXPECTED.ROOM.eq(query)),
                        allowed(user, point))
                .orderBy(building.NAME, stairwell.NAME, CAMPAIGN_EXPECTED.ROOM, RESIDENT.NAME)
                .limit(MAX_MATCHES)
                .fetch();
        audit.recordAll(user, AuditAction.SEARCH, rows.map(r -> AuditedObject.of("RESIDENT", r.value1(), r.value6(),
                r.value7())), "screening station search");
        return rows.map(r -> new StationMatch(r.value1(), Masking.name(r.value2()),
                PersonNames.place(r.value5(), r.value4(), r.value3()), r.value8()));
    }

    /** The point's staff search its whole area; others only where their SCREEN scope reaches. */
    private Condition allowed(HaolinUser user, ScanPoint point) {
        return points.isStaff(user, point) ? DSL.trueCondition()
                : scopes.of(user, Permission.SCREEN).on(CAMPAIGN_EXPECTED.TOWN_ID, CAMPAIGN_EXPECTED.AREA_PATH);
    }
}
