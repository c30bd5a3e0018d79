package org.haolin.screening.internal;

import haolin.schema.tables.records.CampaignRecord;
import org.haolin.area.Area;
import org.haolin.screening.Campaign;
import org.haolin.screening.CampaignPoint;
import org.haolin.screening.CampaignState;
import org.haolin.screening.Duty;
import org.haolin.screening.ScreeningType;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.CAMPAIGN;
import static haolin.schema.Tables.CAMPAIGN_POINT;
import static haolin.schema.Tables.CAMPAIGN_POINT_STAFF;
import static haolin.schema.Tables.SCREENING_TYPE;

/** Campaign rows, their points and staff, and the screening types. */
@Component
public class CampaignStore {

    private final DSLContext db;

    CampaignStore(DSLContext db) {
        this.db = db;
    }

    public List<ScreeningType> activeTypes() {
        return db.selectFrom(SCREENING_TYPE).where(SCREENING_TYPE.ACTIVE.isTrue()).orderBy(SCREENING_TYPE.SORT_KEY)
                .fetch(t -> new ScreeningType(t.getCode(), t.getNameZh(), t.getNameEn(), t.getTubeSize()));
    }

    public Optional<ScreeningType> type(String code) {
        return db.selectFrom(SCREENING_TYPE).where(SCREENING_TYPE.CODE.eq(code))
                .fetchOptional(t -> new ScreeningType(t.getCode(), t.getNameZh(), t.getNameEn(), t.getTubeSize()));
    }

    /** Writes the campaign row and answers its id. */
    public long insert(Area area, String typeCode, String name, OffsetDateTime startsAt, OffsetDateTime endsAt,
                       LocalDate day, int tubeSize, Long createdBy, String createdByName, OffsetDateTime now) {
        return db.insertInto(CAMPAIGN)
                .set(CAMPAIGN.TOWN_ID, area.townId())
                .set(CAMPAIGN.AREA_ID, area.id())
                .set(CAMPAIGN.AREA_PATH, area.path())
                .set(CAMPAIGN.TYPE_CODE, typeCode)
                .set(CAMPAIGN.NAME, name)
                .set(CAMPAIGN.STARTS_AT, startsAt)
                .set(CAMPAIGN.ENDS_AT, endsAt)
                .set(CAMPAIGN.CAMPAIGN_DAY, day)
                .set(CAMPAIGN.TUBE_SIZE, tubeSize)
                .set(CAMPAIGN.CREATED_BY, createdBy)
                .set(CAMPAIGN.CREATED_BY_NAME, createdByName)
                .set(CAMPAIGN.CREATED_AT, now)
                .returning(CAMPAIGN.ID).fetchOne().getId();
    }

    public long insertPoint(long campaignId, Area area, String name, String place) {
        return db.insertInto(CAMPAIGN_POINT)
                .set(CAMPAIGN_POINT.TOWN_ID, area.townId())
                .set(CAMPAIGN_POINT.AREA_ID, area.id())
                .set(CAMPAIGN_POINT.AREA_PATH, area.path())
                .set(CAMPAIGN_POINT.CAMPAIGN_ID, campaignId)
                .set(CAMPAIGN_POINT.NAME, name)
                .set(CAMPAIGN_POINT.PLACE, place)
                .returning(CAMPAIGN_POINT.ID).fetchOne().getId();
    }

    public void insertStaff(long pointId, Area area, long accountId, String accountName, Duty duty) {
        db.insertInto(CAMPAIGN_POINT_STAFF)
                .set(CAMPAIGN_POINT_STAFF.TOWN_ID, area.townId())
                .set(CAMPAIGN_POINT_STAFF.AREA_ID, area.id())
                .set(CAMPAIGN_POINT_STAFF.AREA_PATH, area.path())
                .set(CAMPAIGN_POINT_STAFF.POINT_ID, pointId)
                .set(CAMPAIGN_POINT_STAFF.ACCOUNT_ID, accountId)
                .set(CAMPAIGN_POINT_STAFF.ACCOUNT_NAME, accountName)
                .set(CAMPAIGN_POINT_STAFF.DUTY, duty.name())
                .execute();
    }

    public Optional<Campaign> find(long id) {
        return fetch(CAMPAIGN.ID.eq(id)).stream().findFirst();
    }

    /** Campaigns matching the condition, newest first (at most 200: a town runs a few a week at most). */
    public List<Campaign> fetch(Condition which) {
        return db.select(CAMPAIGN.fields()).select(AREA.NAME).from(CAMPAIGN).join(AREA).on(AREA.ID.eq(CAMPAIGN.AREA_ID))
                .where(which).orderBy(CAMPAIGN.STARTS_AT.desc(), CAMPAIGN.ID.desc()).limit(200)
                .fetch(CampaignStore::toCampaign);
    }

    /** Moves the campaign from one state to the next; false when it was not in the state expected. */
    public boolean move(long id, CampaignState from, CampaignState to) {
        return db.update(CAMPAIGN).set(CAMPAIGN.STATE, to.name()).set(CAMPAIGN.VERSION, CAMPAIGN.VERSION.plus(1))
                .where(CAMPAIGN.ID.eq(id), CAMPAIGN.STATE.eq(from.name())).execute() == 1;
    }

    public boolean isStaff(long campaignId, long accountId) {
        return db.fetchExists(db.selectOne().from(CAMPAIGN_POINT_STAFF).join(CAMPAIGN_POINT)
                .on(CAMPAIGN_POINT.ID.eq(CAMPAIGN_POINT_STAFF.POINT_ID))
                .where(CAMPAIGN_POINT.CAMPAIGN_ID.eq(campaignId), CAMPAIGN_POINT_STAFF.ACCOUNT_ID.eq(accountId)));
    }

    public List<CampaignPoint> points(long campaignId) {
        Map<Long, List<CampaignPoint.Staff>> staff = db.select(CAMPAIGN_POINT_STAFF.POINT_ID,
                        CAMPAIGN_POINT_STAFF.ACCOUNT_ID, CAMPAIGN_POINT_STAFF.ACCOUNT_NAME, CAMPAIGN_POINT_STAFF.DUTY)
                .from(CAMPAIGN_POINT_STAFF).join(CAMPAIGN_POINT).on(CAMPAIGN_POINT.ID.eq(CAMPAIGN_POINT_STAFF.POINT_ID))
                .where(CAMPAIGN_POINT.CAMPAIGN_ID.eq(campaignId))
                .orderBy(CAMPAIGN_POINT_STAFF.DUTY, CAMPAIGN_POINT_STAFF.ACCOUNT_NAME)
                .fetchGroups(r -> r.value1(), r -> new CampaignPoint.Staff(r.value2(), r.value3(), Duty.valueOf(r.value4())));
        return db.select(CAMPAIGN_POINT.ID, CAMPAIGN_POINT.AREA_ID, AREA.NAME, CAMPAIGN_POINT.NAME, CAMPAIGN_POINT.PLACE)
                .from(CAMPAIGN_POINT).join(AREA).on(AREA.ID.eq(CAMPAIGN_POINT.AREA_ID))
                .where(CAMPAIGN_POINT.CAMPAIGN_ID.eq(campaignId)).orderBy(CAMPAIGN_POINT.NAME)
                .fetch(r -> new CampaignPoint(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        staff.getOrDefault(r.value1(), List.of())));
    }

    private static Campaign toCampaign(Record r) {
        CampaignRecord c = r.into(CAMPAIGN);
        return new Campaign(c.getId(), c.getTownId(), c.getAreaId(), c.getAreaPath(), r.get(AREA.NAME),
                c.getTypeCode(), c.getName(), c.getStartsAt(), c.getEndsAt(), c.getCampaignDay(), c.getTubeSize(),
                CampaignState.valueOf(c.getState()), c.getExpectedCount(), c.getCreatedByName());
    }
}
