package org.haolin.screening;

import org.haolin.TestTown;
import org.haolin.area.Area;
import org.jooq.DSLContext;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static haolin.schema.Tables.CAMPAIGN;
import static haolin.schema.Tables.CAMPAIGN_POINT;
import static haolin.schema.Tables.CAMPAIGN_PROGRESS;
import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.SCREENING_CHECKIN;
import static haolin.schema.Tables.TUBE;

/**
 * Campaigns, points, tubes and scans written straight into the screening tables, so results and tracing are
 * tested without the planning and scanning parts.
 */
public final class ResultsFixture {

    /** A campaign with one sampling point. */
    public record Campaign(long id, long townId, long pointId, LocalDate day, Area area) {
    }

    private final DSLContext db;

    public ResultsFixture(DSLContext db) {
        this.db = db;
    }

    /** An open nucleic-acid campaign over the area (10-in-1), running now, with a point in the town's compound 1. */
    public Campaign campaign(TestTown.Town t, Area area, String name) {
        OffsetDateTime now = OffsetDateTime.now();
        LocalDate day = now.toLocalDate();
        long id = db.insertInto(CAMPAIGN)
                .set(CAMPAIGN.TOWN_ID, t.town().id()).set(CAMPAIGN.AREA_ID, area.id()).set(CAMPAIGN.AREA_PATH, area.path())
                .set(CAMPAIGN.TYPE_CODE, "NUCLEIC_ACID").set(CAMPAIGN.NAME, name)
                .set(CAMPAIGN.STARTS_AT, now.minusHours(2)).set(CAMPAIGN.ENDS_AT, now.plusHours(6))
                .set(CAMPAIGN.CAMPAIGN_DAY, day).set(CAMPAIGN.TUBE_SIZE, 10).set(CAMPAIGN.STATE, "OPEN")
                .set(CAMPAIGN.CREATED_BY_NAME, "fixture").set(CAMPAIGN.CREATED_AT, now)
                .returning(CAMPAIGN.ID).fetchOne().getId();
        long point = db.insertInto(CAMPAIGN_POINT)
                .set(CAMPAIGN_POINT.TOWN_ID, t.town().id()).set(CAMPAIGN_POINT.AREA_ID, t.compound1().id())
                .set(CAMPAIGN_POINT.AREA_PATH, t.compound1().path()).set(CAMPAIGN_POINT.CAMPAIGN_ID, id)
                .set(CAMPAIGN_POINT.NAME, "1号采样点")
                .returning(CAMPAIGN_POINT.ID).fetchOne().getId();
        return new Campaign(id, t.town().id(), point, day, area);
    }

    /** A closed tube with these residents scanned into it, each for the stairwell they live in. */
    public long tube(Campaign campaign, TestTown.Town t, String code, List<Long> residents) {
        OffsetDateTime now = OffsetDateTime.now();
        long tube = db.insertInto(TUBE)
                .set(TUBE.TOWN_ID, campaign.townId()).set(TUBE.AREA_ID, t.compound1().id())
                .set(TUBE.AREA_PATH, t.compound1().path()).set(TUBE.CAMPAIGN_ID, campaign.id())
                .set(TUBE.POINT_ID, campaign.pointId()).set(TUBE.CODE, code).set(TUBE.CAPACITY, 10)
                .set(TUBE.PEOPLE, residents.size()).set(TUBE.OPENED_AT, now.minusMinutes(30))
                .set(TUBE.OPENED_BY, t.secretary1().accountId()).set(TUBE.CLOSED_AT, now.minusMinutes(20))
                .returning(TUBE.ID).fetchOne().getId();
        for (long resident : residents) {
            var home = db.select(RESIDENT.AREA_ID, RESIDENT.AREA_PATH).from(RESIDENT).where(RESIDENT.ID.eq(resident))
                    .fetchOne();
            db.insertInto(SCREENING_CHECKIN)
                    .set(SCREENING_CHECKIN.TOWN_ID, campaign.townId()).set(SCREENING_CHECKIN.AREA_ID, home.value1())
                    .set(SCREENING_CHECKIN.AREA_PATH, home.value2()).set(SCREENING_CHECKIN.CAMPAIGN_ID, campaign.id())
                    .set(SCREENING_CHECKIN.CAMPAIGN_DAY, campaign.day())
                    .set(SCREENING_CHECKIN.CLIENT_ID, UUID.randomUUID().toString())
                    .set(SCREENING_CHECKIN.RESIDENT_ID, resident).set(SCREENING_CHECKIN.POINT_ID, campaign.pointId())
                    .set(SCREENING_CHECKIN.TUBE_ID, tube).set(SCREENING_CHECKIN.SCANNED_AT, now.minusMinutes(25))
                    .set(SCREENING_CHECKIN.RECEIVED_AT, now.minusMinutes(25))
                    .set(SCREENING_CHECKIN.SCANNED_BY, t.secretary1().accountId())
                    // a person already in another tube of the campaign is a repeat, as the scan writer records it
                    .set(SCREENING_CHECKIN.REPEAT, db.fetchExists(SCREENING_CHECKIN,
                            SCREENING_CHECKIN.TOWN_ID.eq(campaign.townId()), SCREENING_CHECKIN.CAMPAIGN_ID.eq(campaign.id()),
                            SCREENING_CHECKIN.RESIDENT_ID.eq(resident), SCREENING_CHECKIN.REPEAT.isFalse()))
                    .execute();
        }
        return tube;
    }

    /** The progress rollup of one stairwell, as the scans would have kept it. */
    public void progress(Campaign campaign, Area stairwell, int expected, int sampled, int doorToDoorExpected,
                         int doorToDoorSampled) {
        db.insertInto(CAMPAIGN_PROGRESS)
                .set(CAMPAIGN_PROGRESS.TOWN_ID, campaign.townId()).set(CAMPAIGN_PROGRESS.AREA_ID, stairwell.id())
                .set(CAMPAIGN_PROGRESS.AREA_PATH, stairwell.path()).set(CAMPAIGN_PROGRESS.CAMPAIGN_ID, campaign.id())
                .set(CAMPAIGN_PROGRESS.EXPECTED, expected).set(CAMPAIGN_PROGRESS.SAMPLED, sampled)
                .set(CAMPAIGN_PROGRESS.DOOR_TO_DOOR_EXPECTED, doorToDoorExpected)
                .set(CAMPAIGN_PROGRESS.DOOR_TO_DOOR_SAMPLED, doorToDoorSampled)
                .execute();
    }

    public String result(long tubeId) {
        return db.select(TUBE.RESULT).from(TUBE).where(TUBE.ID.eq(tubeId)).fetchOne().value1();
    }

    public String source(long tubeId) {
        return db.select(TUBE.RESULT_SOURCE).from(TUBE).where(TUBE.ID.eq(tubeId)).fetchOne().value1();
    }
}
