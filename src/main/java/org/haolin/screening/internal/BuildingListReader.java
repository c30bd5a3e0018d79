package org.haolin.screening.internal;

import org.haolin.area.Area;
import org.haolin.platform.Masking;
import org.haolin.resident.TagAssignments;
import org.haolin.screening.Campaign;
import org.haolin.screening.DoorToDoorResident;
import org.haolin.screening.WaitingResident;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Select;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.CAMPAIGN_EXPECTED;
import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.RESIDENT_TAG;
import static haolin.schema.Tables.TAG;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.val;

/**
 * A building's lists in a campaign, read from who is expected and the scans: one query each, by the building's
 * path, ordered by stairwell and room as the leader walks them. Names are masked (the list is read on the stairs).
 */
@Component
public class BuildingListReader {

    private final DSLContext db;

    BuildingListReader(DSLContext db) {
        this.db = db;
    }

    /** Expected residents of the building with no scan in the campaign yet. */
    public List<WaitingResident> notSampled(Campaign campaign, Area building) {
        return db.select(CAMPAIGN_EXPECTED.RESIDENT_ID, CAMPAIGN_EXPECTED.AREA_ID, AREA.NAME, CAMPAIGN_EXPECTED.ROOM,
                        RESIDENT.NAME, CAMPAIGN_EXPECTED.DOOR_TO_DOOR, CAMPAIGN_EXPECTED.SEPARATELY)
                .from(CAMPAIGN_EXPECTED)
                .join(RESIDENT).on(RESIDENT.ID.eq(CAMPAIGN_EXPECTED.RESIDENT_ID))
                .join(AREA).on(AREA.ID.eq(CAMPAIGN_EXPECTED.AREA_ID))
                .where(inBuilding(campaign, building), notExists(sampled(campaign)))
                .orderBy(AREA.SORT_KEY, AREA.NAME, CAMPAIGN_EXPECTED.ROOM, RESIDENT.NAME)
                .fetch(r -> new WaitingResident(r.value1(), r.value2(), r.value3(), r.value4(),
                        Masking.name(r.value5()), r.value6(), r.value7()));
    }

    /** The building's door-to-door residents, sampled or not, with the names of their door-to-door tags. */
    public List<DoorToDoorResident> doorToDoor(Campaign campaign, Area building, OffsetDateTime now, Locale locale) {
        var rows = db.select(CAMPAIGN_EXPECTED.RESIDENT_ID, CAMPAIGN_EXPECTED.AREA_ID, AREA.NAME, CAMPAIGN_EXPECTED.ROOM,
                        RESIDENT.NAME, exists(sampled(campaign)).as("sampled"))
                .from(CAMPAIGN_EXPECTED)
                .join(RESIDENT).on(RESIDENT.ID.eq(CAMPAIGN_EXPECTED.RESIDENT_ID))
                .join(AREA).on(AREA.ID.eq(CAMPAIGN_EXPECTED.AREA_ID))
                .where(inBuilding(campaign, building), CAMPAIGN_EXPECTED.DOOR_TO_DOOR.isTrue())
                .orderBy(AREA.SORT_KEY, AREA.NAME, CAMPAIGN_EXPECTED.ROOM, RESIDENT.NAME)
                .fetch();
        Map<Long, List<String>> tags = doorToDoorTags(rows.map(r -> r.value1()), now, locale);
        return rows.map(r -> new DoorToDoorResident(r.value1(), r.value2(), r.value3(), r.value4(),
                Masking.name(r.value5()), r.value6(), tags.getOrDefault(r.value1(), List.of())));
    }

    private Map<Long, List<String>> doorToDoorTags(List<Long> residentIds, OffsetDateTime now, Locale locale) {
        var name = "zh".equals(locale.getLanguage()) ? TAG.NAME_ZH : TAG.NAME_EN;
        return db.select(RESIDENT_TAG.RESIDENT_ID, name).from(RESIDENT_TAG).join(TAG).on(TAG.ID.eq(RESIDENT_TAG.TAG_ID))
                .where(RESIDENT_TAG.RESIDENT_ID.in(residentIds), TAG.DOOR_TO_DOOR.isTrue(), TagAssignments.current(now))
                .orderBy(TAG.SORT_KEY)
                .fetchGroups(r -> r.value1(), r -> r.value2());
    }

    private static Condition inBuilding(Campaign campaign, Area building) {
        return CAMPAIGN_EXPECTED.TOWN_ID.eq(campaign.townId())
                .and(CAMPAIGN_EXPECTED.CAMPAIGN_ID.eq(campaign.id()))
                .and(CAMPAIGN_EXPECTED.AREA_PATH.like(inline(building.path() + "%")));
    }

    /** The expected resident's first scan in this campaign. */
    private static Select<Record1<Integer>> sampled(Campaign campaign) {
        return FirstScans.ofExpected(val(campaign.campaignDay()));
    }
}
