package org.haolin.pairing.internal;

import org.haolin.pairing.PairedResident;
import org.haolin.resident.TagAssignments;
import org.haolin.pairing.Wellbeing;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.PAIRING;
import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.RESIDENT_TAG;
import static haolin.schema.Tables.TAG;

/**
 * Reads current pairings with what a helper or staff member needs on one line, most urgent first. Urgency is
 * the due time alone: the longest overdue has the earliest due time, and the next due follows the overdue.
 */
@Component
public class PairedResidents {

    private static final haolin.schema.tables.Area STAIRWELL = AREA.as("stairwell");
    private static final haolin.schema.tables.Area BUILDING = AREA.as("building");

    private final DSLContext db;

    PairedResidents(DSLContext db) {
        this.db = db;
    }

    /** Current pairings matching the condition, by due time, skipping offset rows, at most limit rows. */
    public List<PairedResident> list(Condition where, OffsetDateTime now, int offset, int limit) {
        var rows = db.select(PAIRING.ID, PAIRING.RESIDENT_ID, PAIRING.TOWN_ID, PAIRING.HELPER_NAME,
                        PAIRING.LAST_CHECK_IN_AT, PAIRING.LAST_CONDITION, PAIRING.DUE_AT, RESIDENT.NAME, RESIDENT.ROOM,
                        RESIDENT.PHONE_MASKED, STAIRWELL.NAME, BUILDING.NAME)
                .from(PAIRING)
                .join(RESIDENT).on(RESIDENT.ID.eq(PAIRING.RESIDENT_ID))
                .join(STAIRWELL).on(STAIRWELL.ID.eq(PAIRING.AREA_ID))
                .join(BUILDING).on(BUILDING.ID.eq(STAIRWELL.PARENT_ID))
                .where(PAIRING.ENDED_AT.isNull(), where)
                .orderBy(PAIRING.DUE_AT, PAIRING.ID)
                .offset(offset).limit(limit)
                .fetch();
        Map<Long, List<String>> tags = tags(rows.stream().map(r -> r.get(PAIRING.RESIDENT_ID)).toList(), now);
        return rows.stream().map(r -> line(r, tags.getOrDefault(r.get(PAIRING.RESIDENT_ID), List.of()), now)).toList();
    }

    public int count(Condition where) {
        return db.fetchCount(PAIRING, PAIRING.ENDED_AT.isNull().and(where));
    }

    private Map<Long, List<String>> tags(Collection<Long> residentIds, OffsetDateTime now) {
        if (residentIds.isEmpty()) {
            return Map.of();
        }
        return db.select(RESIDENT_TAG.RESIDENT_ID, TAG.CODE).from(RESIDENT_TAG).join(TAG).on(TAG.ID.eq(RESIDENT_TAG.TAG_ID))
                .where(RESIDENT_TAG.RESIDENT_ID.eq(DSL.any(residentIds.toArray(Long[]::new))),
                        TagAssignments.current(now))
                .orderBy(TAG.SORT_KEY)
                .fetchGroups(RESIDENT_TAG.RESIDENT_ID, TAG.CODE);
    }

    private static PairedResident line(Record r, List<String> tags, OffsetDateTime now) {
        String condition = r.get(PAIRING.LAST_CONDITION);
        OffsetDateTime due = r.get(PAIRING.DUE_AT);
        return new PairedResident(r.get(PAIRING.ID), r.get(PAIRING.RESIDENT_ID), r.get(RESIDENT.NAME),
                r.get(BUILDING.NAME), r.get(STAIRWELL.NAME), r.get(RESIDENT.ROOM), r.get(RESIDENT.PHONE_MASKED), tags,
                r.get(PAIRING.HELPER_NAME), r.get(PAIRING.LAST_CHECK_IN_AT),
                condition == null ? null : Wellbeing.valueOf(condition), due, due.isBefore(now));
    }
}
