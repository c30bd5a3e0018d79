package org.haolin.pairing.internal;

import org.haolin.resident.TagAssignments;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;

import static haolin.schema.Tables.PAIRING;
import static haolin.schema.Tables.PAIRING_EXTRA_TAG;
import static haolin.schema.Tables.PAIRING_FREQUENCY;
import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.RESIDENT_TAG;
import static haolin.schema.Tables.TAG;

/**
 * Who must be paired (a current hardship tag, or a tag their residential area adds) and how often their helper
 * must be in touch: the strictest frequency of those tags, weekly for a tag the frequency table does not name.
 */
@Component
public class PairingRules {

    public static final int DEFAULT_DAYS = 7;

    private final DSLContext db;

    PairingRules(DSLContext db) {
        this.db = db;
    }

    /** The resident (of the outer query's RESIDENT row) holds a tag that calls for a pairing. */
    public Condition needsPairing(OffsetDateTime now) {
        return DSL.exists(DSL.selectOne().from(RESIDENT_TAG).join(TAG).on(TAG.ID.eq(RESIDENT_TAG.TAG_ID))
                .where(RESIDENT_TAG.RESIDENT_ID.eq(RESIDENT.ID), TagAssignments.current(now),
                        pairingTag(RESIDENT.TOWN_ID, RESIDENT.AREA_PATH)));
    }

    /** Each resident's required frequency in days (residents without a pairing tag get the default). */
    public Map<Long, Integer> frequencies(long townId, Collection<Long> residentIds, OffsetDateTime now) {
        var strictest = strictest(townId, now);
        Map<Long, Integer> found = db.select(strictest.field(RESIDENT_TAG.RESIDENT_ID), strictest.field(DAYS))
                .from(strictest).where(strictest.field(RESIDENT_TAG.RESIDENT_ID).in(residentIds))
                .fetchMap(strictest.field(RESIDENT_TAG.RESIDENT_ID), strictest.field(DAYS));
        return residentIds.stream().collect(java.util.stream.Collectors.toMap(id -> id,
                id -> found.getOrDefault(id, DEFAULT_DAYS), (a, b) -> a));
    }

    public int frequency(long townId, long residentId, OffsetDateTime now) {
        return frequencies(townId, java.util.List.of(residentId), now).get(residentId);
    }

    /**
     * Keeps the frequency and due time of the town's current pairings in step with the residents' tags and the
     * frequency table: only pairings whose frequency changes are written; the next contact is due a frequency
     * after the last one (or the start). Returns how many pairings changed.
     */
    public int refreshFrequencies(long townId, OffsetDateTime now) {
        var strictest = strictest(townId, now);
        Field<Integer> days = DSL.coalesce(strictest.field(DAYS), DSL.inline(DEFAULT_DAYS));
        var wanted = DSL.select(PAIRING.ID.as("pairing_id"), days.as("wanted_days")).from(PAIRING)
                .leftJoin(strictest).on(strictest.field(RESIDENT_TAG.RESIDENT_ID).eq(PAIRING.RESIDENT_ID))
                .where(PAIRING.TOWN_ID.eq(townId), PAIRING.ENDED_AT.isNull(), PAIRING.FREQUENCY_DAYS.ne(days))
                .asTable("wanted");
        Field<Long> pairingId = wanted.field("pairing_id", Long.class);
        Field<Integer> wantedDays = wanted.field("wanted_days", Integer.class);
        Field<OffsetDateTime> due = DSL.field("{0} + make_interval(days => {1})", OffsetDateTime.class,
                DSL.coalesce(PAIRING.LAST_CHECK_IN_AT, PAIRING.STARTED_AT), wantedDays);
        return db.update(PAIRING)
                .set(PAIRING.FREQUENCY_DAYS, wantedDays)
                .set(PAIRING.DUE_AT, due)
                .set(PAIRING.OVERDUE_NOTICED, DSL.field(DSL.condition(PAIRING.OVERDUE_NOTICED).and(due.le(now))))
                .from(wanted)
                .where(PAIRING.TOWN_ID.eq(townId), PAIRING.ID.eq(pairingId))
                .execute();
    }

    private static final Field<Integer> DAYS = DSL.field(DSL.name("days"), Integer.class);

    /** Per resident of the town holding a pairing tag now: the strictest frequency of those tags. */
    private org.jooq.Table<?> strictest(long townId, OffsetDateTime now) {
        return DSL.select(RESIDENT_TAG.RESIDENT_ID,
                        DSL.min(DSL.coalesce(PAIRING_FREQUENCY.EVERY_DAYS, DSL.inline(DEFAULT_DAYS))).as(DAYS))
                .from(RESIDENT_TAG)
                .join(TAG).on(TAG.ID.eq(RESIDENT_TAG.TAG_ID))
                .leftJoin(PAIRING_FREQUENCY).on(PAIRING_FREQUENCY.TAG_CODE.eq(TAG.CODE))
                .where(RESIDENT_TAG.TOWN_ID.eq(townId), TagAssignments.current(now),
                        pairingTag(RESIDENT_TAG.TOWN_ID, RESIDENT_TAG.AREA_PATH))
                .groupBy(RESIDENT_TAG.RESIDENT_ID)
                .asTable("strictest");
    }

    /** The tag (TAG of the outer query) calls for a pairing for a resident of that town and stairwell path. */
    private static Condition pairingTag(Field<Long> townId, Field<String> stairwellPath) {
        return TAG.CATEGORY.eq("HARDSHIP").or(DSL.exists(DSL.selectOne().from(PAIRING_EXTRA_TAG)
                .where(PAIRING_EXTRA_TAG.TOWN_ID.eq(townId), PAIRING_EXTRA_TAG.TAG_CODE.eq(TAG.CODE),
                        stairwellPath.startsWith(PAIRING_EXTRA_TAG.AREA_PATH))));
    }
}
