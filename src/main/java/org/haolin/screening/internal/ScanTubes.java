package org.haolin.screening.internal;

import haolin.schema.tables.records.TubeRecord;
import org.haolin.platform.DomainException;
import org.haolin.screening.TubeState;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;

import static haolin.schema.Tables.TUBE;

/** Closing a tube by hand at its point (the writer locks the tubes it fills, so the two never interleave). */
@Component
public class ScanTubes {

    private final DSLContext db;
    private final Clock clock;

    ScanTubes(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Closes the point's tube; a closed tube stays as it is. A tube of another point is not found here. */
    public TubeState close(ScanPoint point, String code) {
        TubeRecord tube = db.update(TUBE).set(TUBE.CLOSED_AT, OffsetDateTime.now(clock))
                .where(TUBE.TOWN_ID.eq(point.townId()), TUBE.CAMPAIGN_ID.eq(point.campaignId()), TUBE.CODE.eq(code),
                        TUBE.POINT_ID.eq(point.id()), TUBE.CLOSED_AT.isNull())
                .returning().fetchOne();
        if (tube == null) {
            tube = db.selectFrom(TUBE).where(TUBE.TOWN_ID.eq(point.townId()), TUBE.CAMPAIGN_ID.eq(point.campaignId()),
                    TUBE.CODE.eq(code), TUBE.POINT_ID.eq(point.id())).fetchOne();
        }
        if (tube == null) {
            throw DomainException.notFound("screening.scan.tube.notFound", code);
        }
        return new TubeState(tube.getCode(), tube.getPeople(), tube.getCapacity(), tube.getClosedAt() != null);
    }
}
