package org.haolin.screening.internal;

import org.haolin.screening.RecordedResult;
import org.haolin.screening.ResultCampaign;
import org.haolin.screening.TubeResult;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static haolin.schema.Tables.CAMPAIGN;
import static haolin.schema.Tables.SCREENING_CHECKIN;
import static haolin.schema.Tables.TUBE;

/** Campaigns, tubes and their results as the results part reads and writes them. */
@Component
public class ResultStore {

    /** A tube as results need it: where it is, and the result it already has (null: none yet). */
    public record TubeRow(long id, String code, String areaPath, TubeResult result) {
    }

    public static final int RECENT = 50;
    private static final int CHUNK = 10_000;

    private final DSLContext db;

    ResultStore(DSLContext db) {
        this.db = db;
    }

    public Optional<ResultCampaign> campaign(long campaignId) {
        return db.selectFrom(CAMPAIGN).where(CAMPAIGN.ID.eq(campaignId))
                .fetchOptional(c -> new ResultCampaign(c.getId(), c.getTownId(), c.getAreaId(), c.getAreaPath(),
                        c.getName(), c.getState(), c.getCampaignDay()));
    }

    /**
     * The campaign's tubes with these codes, locked until the results are written so two labs cannot cross.
     * Read in chunks: a lab's day is more codes than one statement may bind.
     */
    public Map<String, TubeRow> tubesForUpdate(ResultCampaign campaign, Collection<String> codes) {
        List<String> all = List.copyOf(codes);
        Map<String, TubeRow> tubes = new java.util.HashMap<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            db.select(TUBE.ID, TUBE.CODE, TUBE.AREA_PATH, TUBE.RESULT).from(TUBE)
                    .where(TUBE.TOWN_ID.eq(campaign.townId()), TUBE.CAMPAIGN_ID.eq(campaign.id()),
                            TUBE.CODE.in(all.subList(i, Math.min(all.size(), i + CHUNK))))
                    .orderBy(TUBE.ID)
                    .forUpdate()
                    .fetch(r -> new TubeRow(r.value1(), r.value2(), r.value3(),
                            r.value4() == null ? null : TubeResult.valueOf(r.value4())))
                    .forEach(t -> tubes.put(t.code(), t));
        }
        return tubes;
    }

    /** Writes a result on tubes that have none yet (a result once recorded is never overwritten). */
    public void record(ResultCampaign campaign, Collection<Long> tubeIds, TubeResult result, OffsetDateTime at,
                       String byName, String source) {
        List<Long> all = List.copyOf(tubeIds);
        for (int i = 0; i < all.size(); i += CHUNK) {
            db.update(TUBE).set(TUBE.RESULT, result.name()).set(TUBE.RESULT_AT, at).set(TUBE.RESULT_BY_NAME, byName)
                    .set(TUBE.RESULT_SOURCE, source)
                    .where(TUBE.TOWN_ID.eq(campaign.townId()), TUBE.CAMPAIGN_ID.eq(campaign.id()),
                            TUBE.ID.in(all.subList(i, Math.min(all.size(), i + CHUNK))), TUBE.RESULT.isNull())
                    .execute();
        }
    }

    /** The stairwells the tube's people were scanned for, each with how many of them. */
    public Map<Long, Integer> peopleByStairwell(long townId, long campaignId, java.time.LocalDate day, long tubeId) {
        return db.select(SCREENING_CHECKIN.AREA_ID, org.jooq.impl.DSL.countDistinct(SCREENING_CHECKIN.RESIDENT_ID))
                .from(SCREENING_CHECKIN)
                .where(SCREENING_CHECKIN.TOWN_ID.eq(townId), SCREENING_CHECKIN.CAMPAIGN_ID.eq(campaignId),
                        SCREENING_CHECKIN.CAMPAIGN_DAY.eq(day), SCREENING_CHECKIN.TUBE_ID.eq(tubeId))
                .groupBy(SCREENING_CHECKIN.AREA_ID)
                .orderBy(SCREENING_CHECKIN.AREA_ID)
                .fetchMap(r -> r.value1(), r -> r.value2());
    }

    public List<RecordedResult> recent(ResultCampaign campaign) {
        return db.select(TUBE.ID, TUBE.CODE, TUBE.RESULT, TUBE.RESULT_AT, TUBE.RESULT_BY_NAME, TUBE.RESULT_SOURCE,
                        TUBE.PEOPLE)
                .from(TUBE)
                .where(TUBE.TOWN_ID.eq(campaign.townId()), TUBE.CAMPAIGN_ID.eq(campaign.id()), TUBE.RESULT.isNotNull())
                .orderBy(TUBE.RESULT_AT.desc(), TUBE.ID.desc())
                .limit(RECENT)
                .fetch(r -> new RecordedResult(r.value1(), r.value2(), TubeResult.valueOf(r.value3()), r.value4(),
                        r.value5(), r.value6(), r.value7()));
    }
}
