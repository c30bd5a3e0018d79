package org.haolin.screening.internal;

import org.haolin.area.Area;
import org.haolin.screening.Campaign;
import org.haolin.screening.Progress;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record5;
import org.springframework.stereotype.Component;

import java.util.Map;

import static haolin.schema.Tables.CAMPAIGN_PROGRESS;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.splitPart;
import static org.jooq.impl.DSL.substring;
import static org.jooq.impl.DSL.sum;

/**
 * Progress read from the rollup alone (never from the scans): the sums over the stairwells inside a place,
 * grouped by the place's child each stairwell lies in. A compound reads its few dozen stairwell rows.
 */
@Component
public class ProgressReader {

    private final DSLContext db;

    ProgressReader(DSLContext db) {
        this.db = db;
    }

    /** Per child of the place (by the child's id): the sums of the stairwells inside it. */
    public Map<Long, Progress> byChild(Campaign campaign, Area place) {
        // the child's id is the path segment right after the place's own path
        Field<String> child = splitPart(substring(CAMPAIGN_PROGRESS.AREA_PATH, inline(place.path().length() + 1)),
                inline("."), inline(1));
        return db.select(child, sum(CAMPAIGN_PROGRESS.EXPECTED), sum(CAMPAIGN_PROGRESS.SAMPLED),
                        sum(CAMPAIGN_PROGRESS.DOOR_TO_DOOR_EXPECTED), sum(CAMPAIGN_PROGRESS.DOOR_TO_DOOR_SAMPLED))
                .from(CAMPAIGN_PROGRESS)
                .where(CAMPAIGN_PROGRESS.TOWN_ID.eq(campaign.townId()), CAMPAIGN_PROGRESS.CAMPAIGN_ID.eq(campaign.id()),
                        CAMPAIGN_PROGRESS.AREA_PATH.like(inline(place.path() + "_%")))
                .groupBy(child)
                .fetchMap(r -> Long.valueOf(r.value1()), ProgressReader::toProgress);
    }

    /** The sums of one stairwell (a stairwell has no children to group by). */
    public Progress stairwell(Campaign campaign, Area stairwell) {
        return db.select(inline(""), sum(CAMPAIGN_PROGRESS.EXPECTED), sum(CAMPAIGN_PROGRESS.SAMPLED),
                        sum(CAMPAIGN_PROGRESS.DOOR_TO_DOOR_EXPECTED), sum(CAMPAIGN_PROGRESS.DOOR_TO_DOOR_SAMPLED))
                .from(CAMPAIGN_PROGRESS)
                .where(CAMPAIGN_PROGRESS.TOWN_ID.eq(campaign.townId()), CAMPAIGN_PROGRESS.CAMPAIGN_ID.eq(campaign.id()),
                        CAMPAIGN_PROGRESS.AREA_ID.eq(stairwell.id()))
                .fetchOptional(ProgressReader::toProgress).orElse(Progress.NONE);
    }

    private static Progress toProgress(Record5<String, java.math.BigDecimal, java.math.BigDecimal,
            java.math.BigDecimal, java.math.BigDecimal> r) {
        return new Progress(number(r.value2()), number(r.value3()), number(r.value4()), number(r.value5()));
    }

    private static long number(java.math.BigDecimal value) {
        return value == null ? 0 : value.longValue();
    }
}
