package org.haolin.screening.internal;

import org.haolin.access.HaolinUser;
import org.haolin.platform.DomainException;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

import static haolin.schema.Tables.CAMPAIGN;
import static haolin.schema.Tables.CAMPAIGN_POINT;
import static haolin.schema.Tables.SCREENING_TYPE;

/**
 * The sampling points of a campaign where a person may work the scan station: those they are staff of, and
 * those inside an area where they may screen (the same rule the scan endpoints apply). Nobody else learns the
 * campaign exists.
 */
@Component
public class StationPoints {

    /** A campaign as its scan station shows it, with the points this person may scan at. */
    public record StationCampaign(long id, String name, String typeNameZh, String typeNameEn, String state,
                                  int tubeSize, List<StationPoint> points) {

        public String typeName(Locale locale) {
            return "zh".equals(locale.getLanguage()) ? typeNameZh : typeNameEn;
        }

        public boolean open() {
            return "OPEN".equals(state);
        }

        /** The chosen point, or the only one; null when the person must still choose. */
        public StationPoint point(Long pointId) {
            if (pointId == null) {
                return points.size() == 1 ? points.getFirst() : null;
            }
            return points.stream().filter(p -> p.id() == pointId).findFirst()
                    .orElseThrow(() -> DomainException.notFound("screening.station.notFound"));
        }
    }

    public record StationPoint(long id, String name, String place) {
    }

    private final DSLContext db;
    private final ScanPoints scanPoints;

    StationPoints(DSLContext db, ScanPoints scanPoints) {
        this.db = db;
        this.scanPoints = scanPoints;
    }

    public StationCampaign station(HaolinUser user, long campaignId) {
        List<StationPoint> points = db.select(CAMPAIGN_POINT.ID, CAMPAIGN_POINT.NAME, CAMPAIGN_POINT.PLACE,
                        CAMPAIGN.CAMPAIGN_DAY, CAMPAIGN_POINT.TOWN_ID, CAMPAIGN_POINT.AREA_ID, CAMPAIGN_POINT.AREA_PATH)
                .from(CAMPAIGN_POINT).join(CAMPAIGN).on(CAMPAIGN.ID.eq(CAMPAIGN_POINT.CAMPAIGN_ID))
                .where(CAMPAIGN_POINT.CAMPAIGN_ID.eq(campaignId))
                .orderBy(CAMPAIGN_POINT.NAME)
                .fetch().stream()
                .filter(r -> scanPoints.mayScan(user, new ScanPoint(r.value1(), campaignId, r.value4(), r.value5(),
                        r.value6(), r.value7())))
                .map(r -> new StationPoint(r.value1(), r.value2(), r.value3()))
                .toList();
        if (points.isEmpty()) {
            throw DomainException.notFound("screening.station.notFound");
        }
        return db.select(CAMPAIGN.NAME, SCREENING_TYPE.NAME_ZH, SCREENING_TYPE.NAME_EN, CAMPAIGN.STATE, CAMPAIGN.TUBE_SIZE)
                .from(CAMPAIGN).join(SCREENING_TYPE).on(SCREENING_TYPE.CODE.eq(CAMPAIGN.TYPE_CODE))
                .where(CAMPAIGN.ID.eq(campaignId))
                .fetchSingle(r -> new StationCampaign(campaignId, r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5(), points));
    }
}
