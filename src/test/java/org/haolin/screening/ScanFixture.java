package org.haolin.screening;

import org.haolin.TestTown;
import org.haolin.area.Area;
import org.haolin.resident.PersonalCodes;
import org.jooq.DSLContext;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static haolin.schema.Tables.CAMPAIGN;
import static haolin.schema.Tables.CAMPAIGN_EXPECTED;
import static haolin.schema.Tables.CAMPAIGN_POINT;
import static haolin.schema.Tables.CAMPAIGN_POINT_STAFF;
import static haolin.schema.Tables.CAMPAIGN_PROGRESS;
import static haolin.schema.Tables.RESIDENT;

/**
 * A planned campaign straight into the tables, for tests of the scan path: the whole test town, one point per
 * compound, every resident expected (resident 0 door to door), the progress rows, and everybody's personal code.
 */
public final class ScanFixture {

    /** What was planned: points at compound 1 and 2, and the residents' personal codes (index as in the town). */
    public record Planned(long id, long townId, long point1, long point2, List<String> codes) {
    }

    private final DSLContext db;
    private final PersonalCodes personalCodes;

    public ScanFixture(DSLContext db, PersonalCodes personalCodes) {
        this.db = db;
        this.personalCodes = personalCodes;
    }

    public Planned open(TestTown.Town t, int tubeSize) {
        return plan(t, tubeSize, "OPEN");
    }

    public Planned plan(TestTown.Town t, int tubeSize, String state) {
        long townId = t.town().id();
        OffsetDateTime start = OffsetDateTime.of(2026, 4, 28, 6, 0, 0, 0, ZoneOffset.ofHours(8));
        long campaign = db.insertInto(CAMPAIGN)
                .set(CAMPAIGN.TOWN_ID, townId).set(CAMPAIGN.AREA_ID, townId).set(CAMPAIGN.AREA_PATH, t.town().path())
                .set(CAMPAIGN.TYPE_CODE, "NUCLEIC_ACID").set(CAMPAIGN.NAME, "全员核酸" + t.n())
                .set(CAMPAIGN.STARTS_AT, start).set(CAMPAIGN.ENDS_AT, start.plusHours(14))
                .set(CAMPAIGN.CAMPAIGN_DAY, LocalDate.of(2026, 4, 28)).set(CAMPAIGN.TUBE_SIZE, tubeSize)
                .set(CAMPAIGN.STATE, state).set(CAMPAIGN.EXPECTED_COUNT, t.residents().size())
                .set(CAMPAIGN.CREATED_BY_NAME, "fixture").set(CAMPAIGN.CREATED_AT, start.minusDays(1))
                .returning(CAMPAIGN.ID).fetchOne().getId();
        long point1 = point(campaign, townId, t.compound1(), "星火一村采样点");
        long point2 = point(campaign, townId, t.compound2(), "海韵苑采样点");
        for (int i = 0; i < t.residents().size(); i++) {
            var r = db.selectFrom(RESIDENT).where(RESIDENT.ID.eq(t.residents().get(i))).fetchOne();
            db.insertInto(CAMPAIGN_EXPECTED).set(CAMPAIGN_EXPECTED.TOWN_ID, townId)
                    .set(CAMPAIGN_EXPECTED.AREA_ID, r.getAreaId()).set(CAMPAIGN_EXPECTED.AREA_PATH, r.getAreaPath())
                    .set(CAMPAIGN_EXPECTED.CAMPAIGN_ID, campaign).set(CAMPAIGN_EXPECTED.RESIDENT_ID, r.getId())
                    .set(CAMPAIGN_EXPECTED.ROOM, r.getRoom()).set(CAMPAIGN_EXPECTED.DOOR_TO_DOOR, i == 0).execute();
        }
        progress(campaign, townId, t.stairwell1(), 3, 1);
        progress(campaign, townId, t.stairwell2(), 2, 0);
        List<String> codes = t.residents().stream().map(id -> personalCodes.currentCode(townId, id, "fixture")).toList();
        return new Planned(campaign, townId, point1, point2, codes);
    }

    /** Puts an account on a point's staff. */
    public void staff(long pointId, long accountId, String name) {
        var point = db.selectFrom(CAMPAIGN_POINT).where(CAMPAIGN_POINT.ID.eq(pointId)).fetchOne();
        db.insertInto(CAMPAIGN_POINT_STAFF).set(CAMPAIGN_POINT_STAFF.TOWN_ID, point.getTownId())
                .set(CAMPAIGN_POINT_STAFF.AREA_ID, point.getAreaId()).set(CAMPAIGN_POINT_STAFF.AREA_PATH, point.getAreaPath())
                .set(CAMPAIGN_POINT_STAFF.POINT_ID, pointId).set(CAMPAIGN_POINT_STAFF.ACCOUNT_ID, accountId)
                .set(CAMPAIGN_POINT_STAFF.ACCOUNT_NAME, name).execute();
    }

    public void state(long campaignId, String state) {
        db.update(CAMPAIGN).set(CAMPAIGN.STATE, state).where(CAMPAIGN.ID.eq(campaignId)).execute();
    }

    private long point(long campaign, long townId, Area area, String name) {
        return db.insertInto(CAMPAIGN_POINT).set(CAMPAIGN_POINT.TOWN_ID, townId).set(CAMPAIGN_POINT.AREA_ID, area.id())
                .set(CAMPAIGN_POINT.AREA_PATH, area.path()).set(CAMPAIGN_POINT.CAMPAIGN_ID, campaign)
                .set(CAMPAIGN_POINT.NAME, name).returning(CAMPAIGN_POINT.ID).fetchOne().getId();
    }

    private void progress(long campaign, long townId, Area stairwell, int expected, int doorToDoor) {
        db.insertInto(CAMPAIGN_PROGRESS).set(CAMPAIGN_PROGRESS.TOWN_ID, townId)
                .set(CAMPAIGN_PROGRESS.AREA_ID, stairwell.id()).set(CAMPAIGN_PROGRESS.AREA_PATH, stairwell.path())
                .set(CAMPAIGN_PROGRESS.CAMPAIGN_ID, campaign).set(CAMPAIGN_PROGRESS.EXPECTED, expected)
                .set(CAMPAIGN_PROGRESS.DOOR_TO_DOOR_EXPECTED, doorToDoor).execute();
    }
}
