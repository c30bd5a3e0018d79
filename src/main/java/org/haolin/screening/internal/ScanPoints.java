package org.haolin.screening.internal;

import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scopes;
import org.haolin.platform.DomainException;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static haolin.schema.Tables.CAMPAIGN;
import static haolin.schema.Tables.CAMPAIGN_POINT;
import static haolin.schema.Tables.CAMPAIGN_POINT_STAFF;

/**
 * Who may scan at a point: those holding SCREEN over the point's area, and the point's own staff. Asked on every
 * scan request, so points and staff memberships are remembered for a short while (a point's place and its
 * campaign's day never change; a removal from the staff takes effect within {@link #STAFF_TTL_NANOS}). Anyone
 * else is told the point does not exist.
 */
@Component
public class ScanPoints {

    private static final long POINT_TTL_NANOS = 300_000_000_000L;
    private static final long STAFF_TTL_NANOS = 30_000_000_000L;
    private static final int MAX_REMEMBERED = 100_000;

    private record Remembered<T>(T value, long at) {
    }

    private record StaffKey(long pointId, long accountId) {
    }

    private final DSLContext db;
    private final Scopes scopes;
    private final Map<Long, Remembered<ScanPoint>> points = new ConcurrentHashMap<>();
    private final Map<StaffKey, Remembered<Boolean>> staff = new ConcurrentHashMap<>();

    ScanPoints(DSLContext db, Scopes scopes) {
        this.db = db;
        this.scopes = scopes;
    }

    /** The point, if it belongs to this campaign and the user may scan there; otherwise 404. */
    public ScanPoint require(HaolinUser user, long campaignId, long pointId) {
        ScanPoint point = point(pointId);
        if (point == null || point.campaignId() != campaignId || !mayScan(user, point)) {
            throw DomainException.notFound("screening.scan.point.notFound", pointId);
        }
        return point;
    }

    /** Whether the user works this point as staff (staff see its residents without holding SCREEN there). */
    public boolean isStaff(HaolinUser user, ScanPoint point) {
        StaffKey key = new StaffKey(point.id(), user.accountId());
        Remembered<Boolean> known = staff.get(key);
        if (known == null || System.nanoTime() - known.at() > STAFF_TTL_NANOS) {
            boolean member = db.fetchExists(CAMPAIGN_POINT_STAFF, CAMPAIGN_POINT_STAFF.POINT_ID.eq(point.id()),
                    CAMPAIGN_POINT_STAFF.ACCOUNT_ID.eq(user.accountId()));
            if (!member) {
                return false; // only memberships are remembered: someone put on the staff may scan at once
            }
            known = remember(staff, key, true);
        }
        return known.value();
    }

    /** The one rule: SCREEN over the point's area, or on the point's staff (system administrators never). */
    public boolean mayScan(HaolinUser user, ScanPoint point) {
        if (user.systemAdmin()) {
            return false;
        }
        return scopes.of(user, Permission.SCREEN).covers(point.areaPath()) || isStaff(user, point);
    }

    private ScanPoint point(long pointId) {
        Remembered<ScanPoint> known = points.get(pointId);
        if (known == null || System.nanoTime() - known.at() > POINT_TTL_NANOS) {
            ScanPoint found = db.select(CAMPAIGN_POINT.ID, CAMPAIGN_POINT.CAMPAIGN_ID, CAMPAIGN.CAMPAIGN_DAY,
                            CAMPAIGN_POINT.TOWN_ID, CAMPAIGN_POINT.AREA_ID, CAMPAIGN_POINT.AREA_PATH)
                    .from(CAMPAIGN_POINT).join(CAMPAIGN).on(CAMPAIGN.ID.eq(CAMPAIGN_POINT.CAMPAIGN_ID))
                    .where(CAMPAIGN_POINT.ID.eq(pointId))
                    .fetchOne(r -> new ScanPoint(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                            r.value6()));
            if (found == null) {
                return null; // not remembered: a point planned a moment later must be found
            }
            known = remember(points, pointId, found);
        }
        return known.value();
    }

    private static <K, T> Remembered<T> remember(Map<K, Remembered<T>> map, K key, T value) {
        if (map.size() > MAX_REMEMBERED) {
            map.clear(); // crude but bounded: a peak touches a few thousand points at most
        }
        Remembered<T> entry = new Remembered<>(value, System.nanoTime());
        map.put(key, entry);
        return entry;
    }
}
