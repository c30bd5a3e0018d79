package org.haolin.screening;

import org.haolin.TestTown;
import org.haolin.access.HaolinUser;
import org.jooq.DSLContext;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static haolin.schema.Tables.CAMPAIGN;
import static haolin.schema.Tables.CAMPAIGN_POINT;
import static haolin.schema.Tables.CAMPAIGN_POINT_STAFF;

/** An OPEN campaign over a test town's first residential area, with a sampling point at compound 1. */
public final class StationFixture {

    public record Station(long campaignId, long pointId) {
    }

    private StationFixture() {
    }

    public static Station open(DSLContext db, TestTown.Town town, int tubeSize, HaolinUser... staff) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        long campaign = db.insertInto(CAMPAIGN)
                .set(CAMPAIGN.TOWN_ID, town.town().id()).set(CAMPAIGN.AREA_ID, town.area1().id())
                .set(CAMPAIGN.AREA_PATH, town.area1().path()).set(CAMPAIGN.TYPE_CODE, "NUCLEIC_ACID")
                .set(CAMPAIGN.NAME, "四月核酸筛查" + town.n()).set(CAMPAIGN.STARTS_AT, now.minusHours(1))
                .set(CAMPAIGN.ENDS_AT, now.plusHours(8)).set(CAMPAIGN.CAMPAIGN_DAY, LocalDate.now(ZoneOffset.ofHours(8)))
                .set(CAMPAIGN.TUBE_SIZE, tubeSize).set(CAMPAIGN.STATE, "OPEN")
                .set(CAMPAIGN.CREATED_BY_NAME, "test").set(CAMPAIGN.CREATED_AT, now)
                .returning(CAMPAIGN.ID).fetchSingle().getId();
        long point = addPoint(db, town, campaign, "星火一村采样点");
        for (HaolinUser person : staff) {
            db.insertInto(CAMPAIGN_POINT_STAFF)
                    .set(CAMPAIGN_POINT_STAFF.TOWN_ID, town.town().id()).set(CAMPAIGN_POINT_STAFF.AREA_ID, town.compound1().id())
                    .set(CAMPAIGN_POINT_STAFF.AREA_PATH, town.compound1().path()).set(CAMPAIGN_POINT_STAFF.POINT_ID, point)
                    .set(CAMPAIGN_POINT_STAFF.ACCOUNT_ID, person.accountId())
                    .set(CAMPAIGN_POINT_STAFF.ACCOUNT_NAME, person.displayName()).execute();
        }
        return new Station(campaign, point);
    }

    /** Another point of the campaign, at compound 1 too. */
    public static long addPoint(DSLContext db, TestTown.Town town, long campaign, String name) {
        return db.insertInto(CAMPAIGN_POINT)
                .set(CAMPAIGN_POINT.TOWN_ID, town.town().id()).set(CAMPAIGN_POINT.AREA_ID, town.compound1().id())
                .set(CAMPAIGN_POINT.AREA_PATH, town.compound1().path()).set(CAMPAIGN_POINT.CAMPAIGN_ID, campaign)
                .set(CAMPAIGN_POINT.NAME, name).set(CAMPAIGN_POINT.PLACE, "小区东门")
                .returning(CAMPAIGN_POINT.ID).fetchSingle().getId();
    }
}
