package org.haolin.screening.internal;

import org.haolin.access.Scope;
import org.haolin.screening.ResultCampaign;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;

import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.SCREENING_CHECKIN;
import static haolin.schema.Tables.TUBE;

/**
 * The people scanned into a campaign's positive tubes, within a scope: read from the campaign's own partition
 * of the scans, joined to the resident for name and room. A person scanned twice into one tube appears once.
 */
@Component
public class TracedRows {

    /** One person in one positive tube; name in full, to be masked before it leaves the module. */
    public record Row(long tubeId, String tubeCode, OffsetDateTime resultAt, String resultByName, long residentId,
                      String name, String room, long stairwellId, String stairwellPath) {
    }

    private final DSLContext db;

    TracedRows(DSLContext db) {
        this.db = db;
    }

    public List<Row> positives(ResultCampaign campaign, Scope scope) {
        return db.selectDistinct(TUBE.ID, TUBE.CODE, TUBE.RESULT_AT, TUBE.RESULT_BY_NAME, RESIDENT.ID, RESIDENT.NAME,
                        RESIDENT.ROOM, SCREENING_CHECKIN.AREA_ID, SCREENING_CHECKIN.AREA_PATH)
                .from(SCREENING_CHECKIN)
                .join(TUBE).on(TUBE.ID.eq(SCREENING_CHECKIN.TUBE_ID), TUBE.TOWN_ID.eq(SCREENING_CHECKIN.TOWN_ID))
                .join(RESIDENT).on(RESIDENT.ID.eq(SCREENING_CHECKIN.RESIDENT_ID),
                        RESIDENT.TOWN_ID.eq(SCREENING_CHECKIN.TOWN_ID))
                .where(SCREENING_CHECKIN.TOWN_ID.eq(campaign.townId()),
                        SCREENING_CHECKIN.CAMPAIGN_ID.eq(campaign.id()),
                        SCREENING_CHECKIN.CAMPAIGN_DAY.eq(campaign.campaignDay()),
                        TUBE.RESULT.eq("POSITIVE"),
                        scope.on(SCREENING_CHECKIN.TOWN_ID, SCREENING_CHECKIN.AREA_PATH))
                .orderBy(TUBE.RESULT_AT.desc(), TUBE.CODE, SCREENING_CHECKIN.AREA_PATH, RESIDENT.ROOM, RESIDENT.ID)
                .fetch(r -> new Row(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9()));
    }
}
