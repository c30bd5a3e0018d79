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

import static haolin.schema.Tables.PAIRING_EXTRA_TAG;
import static haolin.schema.Tables.PAIRING_FREQUENCY;
import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.RESIDENT_TAG;
import static haolin.schema.Tables.TAG;

/**
 * Who must be paired (a current hardship tag, or a tag their town adds) and how often their helper must be in
 * touch: the strictest frequency of those tags, weekly for a tag the frequency table does not name.
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
                .where(RESIDENT_TAG.RESIDENT_ID.eq(RESIDENT.ID), TagAssignments.current(now), pairingTag(RESIDENT.TOWN_ID)));
    }

    /** Each resident's required frequency in days (residents without a pairing tag get the default). */
    public Map<Long, Integer> frequencies(long townId, Collection<Long> residentIds, OffsetDateTime now) {
        Field<Integer> days = DSL.min(DSL.coalesce(PAIRING_FREQUENCY.EVERY_DAYS, DSL.inline(DEFAULT_DAYS)));
        Map<Long, Integer> found = db.select(RESIDENT_TAG.RESIDENT_ID, days).from(RESIDENT_TAG)
                .join(TAG).on(TAG.ID.eq(RESIDENT_TAG.TAG_ID))
                .leftJoin(PAIRING_FREQUENCY).on(PAIRING_FREQUENCY.TAG_CODE.eq(TAG.CODE))
                .where(RESIDENT_TAG.TOWN_ID.eq(townId), RESIDENT_TAG.RESIDENT_ID.in(residentIds), TagAssignments.current(now),
                        pairingTag(RESIDENT_TAG.TOWN_ID))
                .groupBy(RESIDENT_TAG.RESIDENT_ID)
                .fetchMap(RESIDENT_TAG.RESIDENT_ID, days);
        return residentIds.stream().collect(java.util.stream.Collectors.toMap(id -> id,
                id -> found.getOrDefault(id, DEFAULT_DAYS), (a, b) -> a));
    }

    public int frequency(long townId, long residentId, OffsetDateTime now) {
        return frequencies(townId, java.util.List.of(residentId), now).get(residentId);
    }

    private static Condition pairingTag(Field<Long> townId) {
        return TAG.CATEGORY.eq("HARDSHIP").or(TAG.CODE.in(DSL.select(PAIRING_EXTRA_TAG.TAG_CODE)
                .from(PAIRING_EXTRA_TAG).where(PAIRING_EXTRA_TAG.TOWN_ID.eq(townId))));
    }
}
