package org.haolin.screening.internal;

import org.haolin.access.Scope;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;

import static haolin.schema.Tables.CAMPAIGN;
import static haolin.schema.Tables.CAMPAIGN_PROGRESS;
import static haolin.schema.Tables.TUBE;

/**
 * What the overview's screening panel reads: the latest campaigns touching a scope, their progress rollup
 * summed per residential area (the third id of a stairwell's path), and their positive tubes counted.
 */
@Component
public class PanelRows {

    /** A campaign row for the panel. */
    public record CampaignRow(long id, long townId, String areaPath, String name, String state,
                              OffsetDateTime startsAt, OffsetDateTime endsAt) {
    }

    /** The rollup summed over one residential area. */
    public record Sums(long areaId, int expected, int sampled, int doorToDoorExpected, int doorToDoorSampled) {
    }

    private static final Field<String> RESIDENTIAL_AREA = DSL.splitPart(CAMPAIGN_PROGRESS.AREA_PATH, DSL.inline("."),
            DSL.inline(3));

    private final DSLContext db;

    PanelRows(DSLContext db) {
        this.db = db;
    }

    /**
     * Open campaigns and those ended since the given time, newest first, whose area lies in the scope or holds
     * part of it.
     */
    public List<CampaignRow> latest(Scope scope, String within, OffsetDateTime endedSince, int limit) {
        var overlaps = scope.grants().stream()
                .map(g -> CAMPAIGN.TOWN_ID.eq(g.townId()).and(CAMPAIGN.AREA_PATH.like(DSL.inline(g.areaPath() + "%"))
                        .or(DSL.inline(g.areaPath()).like(CAMPAIGN.AREA_PATH.concat(DSL.inline("%"))))))
                .reduce(Condition::or).orElse(DSL.falseCondition());
        return db.selectFrom(CAMPAIGN)
                .where(CAMPAIGN.TOWN_ID.in(scope.townIds()), overlaps, overlapping(CAMPAIGN.AREA_PATH, within),
                        CAMPAIGN.STATE.eq("OPEN").or(CAMPAIGN.ENDS_AT.ge(endedSince)))
                .orderBy(CAMPAIGN.STARTS_AT.desc(), CAMPAIGN.ID.desc())
                .limit(limit)
                .fetch(c -> new CampaignRow(c.getId(), c.getTownId(), c.getAreaPath(), c.getName(), c.getState(),
                        c.getStartsAt(), c.getEndsAt()));
    }

    public List<Sums> progress(CampaignRow campaign, Scope scope, String within) {
        return db.select(RESIDENTIAL_AREA, DSL.sum(CAMPAIGN_PROGRESS.EXPECTED), DSL.sum(CAMPAIGN_PROGRESS.SAMPLED),
                        DSL.sum(CAMPAIGN_PROGRESS.DOOR_TO_DOOR_EXPECTED), DSL.sum(CAMPAIGN_PROGRESS.DOOR_TO_DOOR_SAMPLED))
                .from(CAMPAIGN_PROGRESS)
                .where(CAMPAIGN_PROGRESS.CAMPAIGN_ID.eq(campaign.id()), CAMPAIGN_PROGRESS.TOWN_ID.eq(campaign.townId()),
                        scope.on(CAMPAIGN_PROGRESS.TOWN_ID, CAMPAIGN_PROGRESS.AREA_PATH), inside(CAMPAIGN_PROGRESS.AREA_PATH, within))
                .groupBy(RESIDENTIAL_AREA)
                .orderBy(RESIDENTIAL_AREA)
                .fetch(r -> new Sums(Long.parseLong(r.value1()), r.value2().intValue(), r.value3().intValue(),
                        r.value4().intValue(), r.value5().intValue()));
    }

    public int positiveTubes(CampaignRow campaign, Scope scope, String within) {
        return db.fetchCount(TUBE, TUBE.TOWN_ID.eq(campaign.townId()), TUBE.CAMPAIGN_ID.eq(campaign.id()),
                TUBE.RESULT.eq("POSITIVE"), scope.on(TUBE.TOWN_ID, TUBE.AREA_PATH), inside(TUBE.AREA_PATH, within));
    }

    /** Rows inside the viewed area (any, when none is viewed). */
    private static Condition inside(Field<String> path, String within) {
        return within == null ? DSL.noCondition() : path.like(DSL.inline(within + "%"));
    }

    /** Areas inside the viewed one or containing it. */
    private static Condition overlapping(Field<String> path, String within) {
        return within == null ? DSL.noCondition()
                : path.like(DSL.inline(within + "%")).or(DSL.inline(within).like(path.concat(DSL.inline("%"))));
    }

}
