package org.haolin.screening.internal;

import org.haolin.area.AreaLevel;
import org.haolin.platform.PlannerStatistics;
import org.haolin.resident.ResidenceStatus;
import org.haolin.resident.TagAssignments;
import org.haolin.screening.Campaign;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.CAMPAIGN;
import static haolin.schema.Tables.CAMPAIGN_EXPECTED;
import static haolin.schema.Tables.CAMPAIGN_PROGRESS;
import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.RESIDENT_TAG;
import static haolin.schema.Tables.TAG;
import static org.jooq.impl.DSL.boolOr;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;

/**
 * Who is expected at a campaign, counted in the database in a few statements whatever the town's size:
 * residents of the campaign area living here or away, minus those with a current screening-exempt tag; the
 * door-to-door and separately flags come from the rules of their current tags. Then one progress row per
 * stairwell of the area (also those nobody is expected in, so a scan there finds its row) and the total.
 */
@Component
public class ExpectedPopulation {

    private final DSLContext db;

    ExpectedPopulation(DSLContext db) {
        this.db = db;
    }

    /** Counts afresh (the rows of an earlier count are replaced); answers how many are expected. */
    public int countAfresh(Campaign campaign, OffsetDateTime now) {
        db.deleteFrom(CAMPAIGN_PROGRESS).where(CAMPAIGN_PROGRESS.CAMPAIGN_ID.eq(campaign.id())).execute();
        db.deleteFrom(CAMPAIGN_EXPECTED).where(CAMPAIGN_EXPECTED.TOWN_ID.eq(campaign.townId()),
                CAMPAIGN_EXPECTED.CAMPAIGN_ID.eq(campaign.id())).execute();
        int expected = PlannerStatistics.afterBulkWrite(db, CAMPAIGN_EXPECTED, insertExpected(campaign, now));
        insertProgress(campaign);
        db.update(CAMPAIGN).set(CAMPAIGN.EXPECTED_COUNT, expected).where(CAMPAIGN.ID.eq(campaign.id())).execute();
        return expected;
    }

    private int insertExpected(Campaign campaign, OffsetDateTime now) {
        // the rules of each resident's current tags in the area, folded into three flags (one pass over the tags)
        Field<Boolean> exempt = boolOr(TAG.SCREENING_EXEMPT).as("exempt");
        Field<Boolean> doorToDoor = boolOr(TAG.DOOR_TO_DOOR).as("door_to_door");
        Field<Boolean> separately = boolOr(TAG.SCREEN_SEPARATELY).as("separately");
        Table<?> rules = db.select(RESIDENT_TAG.RESIDENT_ID, exempt, doorToDoor, separately)
                .from(RESIDENT_TAG).join(TAG).on(TAG.ID.eq(RESIDENT_TAG.TAG_ID))
                .where(RESIDENT_TAG.TOWN_ID.eq(campaign.townId()),
                        RESIDENT_TAG.AREA_PATH.like(inline(campaign.areaPath() + "%")),
                        TagAssignments.current(now))
                .groupBy(RESIDENT_TAG.RESIDENT_ID)
                .asTable("rules");
        Field<Long> ruled = rules.field(RESIDENT_TAG.RESIDENT_ID);
        return db.insertInto(CAMPAIGN_EXPECTED, CAMPAIGN_EXPECTED.TOWN_ID, CAMPAIGN_EXPECTED.AREA_ID,
                        CAMPAIGN_EXPECTED.AREA_PATH, CAMPAIGN_EXPECTED.CAMPAIGN_ID, CAMPAIGN_EXPECTED.RESIDENT_ID,
                        CAMPAIGN_EXPECTED.ROOM, CAMPAIGN_EXPECTED.DOOR_TO_DOOR, CAMPAIGN_EXPECTED.SEPARATELY)
                .select(db.select(RESIDENT.TOWN_ID, RESIDENT.AREA_ID, RESIDENT.AREA_PATH, val(campaign.id()),
                                RESIDENT.ID, RESIDENT.ROOM,
                                coalesce(rules.field(doorToDoor), inline(false)),
                                coalesce(rules.field(separately), inline(false)))
                        .from(RESIDENT).leftJoin(rules).on(ruled.eq(RESIDENT.ID))
                        .where(RESIDENT.TOWN_ID.eq(campaign.townId()),
                                RESIDENT.AREA_PATH.like(inline(campaign.areaPath() + "%")),
                                RESIDENT.RESIDENCE_STATUS.in(ResidenceStatus.LIVING_HERE.name(),
                                        ResidenceStatus.AWAY.name()),
                                coalesce(rules.field(exempt), inline(false)).isFalse()))
                .execute();
    }

    private void insertProgress(Campaign campaign) {
        var counts = db.select(CAMPAIGN_EXPECTED.AREA_ID, count().as("expected"),
                        count().filterWhere(CAMPAIGN_EXPECTED.DOOR_TO_DOOR.isTrue()).as("door_to_door"))
                .from(CAMPAIGN_EXPECTED)
                .where(CAMPAIGN_EXPECTED.TOWN_ID.eq(campaign.townId()), CAMPAIGN_EXPECTED.CAMPAIGN_ID.eq(campaign.id()))
                .groupBy(CAMPAIGN_EXPECTED.AREA_ID).asTable("counts");
        db.insertInto(CAMPAIGN_PROGRESS, CAMPAIGN_PROGRESS.TOWN_ID, CAMPAIGN_PROGRESS.AREA_ID,
                        CAMPAIGN_PROGRESS.AREA_PATH, CAMPAIGN_PROGRESS.CAMPAIGN_ID, CAMPAIGN_PROGRESS.EXPECTED,
                        CAMPAIGN_PROGRESS.DOOR_TO_DOOR_EXPECTED)
                .select(db.select(AREA.TOWN_ID, AREA.ID, AREA.PATH, val(campaign.id()),
                                coalesce(counts.field("expected", Integer.class), inline(0)),
                                coalesce(counts.field("door_to_door", Integer.class), inline(0)))
                        .from(AREA).leftJoin(counts).on(counts.field(CAMPAIGN_EXPECTED.AREA_ID).eq(AREA.ID))
                        .where(AREA.TOWN_ID.eq(campaign.townId()), AREA.LEVEL.eq(AreaLevel.STAIRWELL.name()),
                                AREA.PATH.like(inline(campaign.areaPath() + "%"))))
                .execute();
    }
}
