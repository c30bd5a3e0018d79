package org.haolin.screening;

import org.haolin.TestTown;
import org.haolin.access.HaolinUser;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static haolin.schema.Tables.CAMPAIGN_POINT;
import static haolin.schema.Tables.CAMPAIGN_PROGRESS;
import static haolin.schema.Tables.SCREENING_CHECKIN;

/** A campaign over a test town, and scans recorded the way the scan path records them (check-in + rollup). */
final class CampaignFixture {

    private CampaignFixture() {
    }

    static NewCampaign plan(TestTown.Town town, long areaId, List<NewCampaign.NewPoint> points) {
        OffsetDateTime start = OffsetDateTime.now().plusHours(1);
        return new NewCampaign("NUCLEIC_ACID", "全员核酸" + town.n(), areaId, start, start.plusHours(10), null, points);
    }

    static NewCampaign.NewPoint point(String name, long areaId, NewCampaign.NewStaff... staff) {
        return new NewCampaign.NewPoint(name, "小区南门", areaId, List.of(staff));
    }

    static Campaign planned(Campaigns campaigns, TestTown.Town town) {
        return campaigns.plan(town.townAdmin(), plan(town, town.town().id(),
                List.of(point("星火点", town.compound1().id()))));
    }

    /** A scan of the resident: the check-in row and the stairwell's sampled count, in step. */
    static void scan(DSLContext db, Campaign campaign, long residentId, HaolinUser by) {
        var resident = db.selectFrom(haolin.schema.Tables.RESIDENT)
                .where(haolin.schema.Tables.RESIDENT.ID.eq(residentId)).fetchOne();
        long point = db.select(CAMPAIGN_POINT.ID).from(CAMPAIGN_POINT)
                .where(CAMPAIGN_POINT.CAMPAIGN_ID.eq(campaign.id())).limit(1).fetchOne().value1();
        OffsetDateTime now = OffsetDateTime.now();
        db.insertInto(SCREENING_CHECKIN)
                .set(SCREENING_CHECKIN.TOWN_ID, campaign.townId())
                .set(SCREENING_CHECKIN.AREA_ID, resident.getAreaId())
                .set(SCREENING_CHECKIN.AREA_PATH, resident.getAreaPath())
                .set(SCREENING_CHECKIN.CAMPAIGN_ID, campaign.id())
                .set(SCREENING_CHECKIN.CAMPAIGN_DAY, campaign.campaignDay())
                .set(SCREENING_CHECKIN.CLIENT_ID, UUID.randomUUID().toString())
                .set(SCREENING_CHECKIN.RESIDENT_ID, residentId)
                .set(SCREENING_CHECKIN.POINT_ID, point)
                .set(SCREENING_CHECKIN.SCANNED_AT, now)
                .set(SCREENING_CHECKIN.RECEIVED_AT, now)
                .set(SCREENING_CHECKIN.SCANNED_BY, by.accountId())
                .execute();
        db.update(CAMPAIGN_PROGRESS).set(CAMPAIGN_PROGRESS.SAMPLED, CAMPAIGN_PROGRESS.SAMPLED.plus(1))
                .where(CAMPAIGN_PROGRESS.CAMPAIGN_ID.eq(campaign.id()), CAMPAIGN_PROGRESS.AREA_ID.eq(resident.getAreaId()))
                .execute();
    }
}
