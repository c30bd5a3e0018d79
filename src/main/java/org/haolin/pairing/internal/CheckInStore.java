package org.haolin.pairing.internal;

import haolin.schema.tables.records.PairingRecord;
import org.haolin.access.HaolinUser;
import org.haolin.pairing.CheckIn;
import org.haolin.pairing.Channel;
import org.haolin.pairing.NewCheckIn;
import org.haolin.pairing.Wellbeing;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static haolin.schema.Sequences.HAOLIN_ID;
import static haolin.schema.Tables.CHECK_IN;
import static haolin.schema.Tables.CHECK_IN_REQUEST;

/** Check-ins (time-partitioned) and the client-made keys that make a retried submission answer the first. */
@Component
public class CheckInStore {

    private final DSLContext db;

    CheckInStore(DSLContext db) {
        this.db = db;
    }

    public long nextId() {
        return db.nextval(HAOLIN_ID);
    }

    /** Claims the key for this check-in id; false when the key was used before (see {@link #ofKey}). */
    public boolean claimKey(long townId, String key, long checkInId) {
        return db.insertInto(CHECK_IN_REQUEST).set(CHECK_IN_REQUEST.TOWN_ID, townId)
                .set(CHECK_IN_REQUEST.IDEMPOTENCY_KEY, key).set(CHECK_IN_REQUEST.CHECK_IN_ID, checkInId)
                .onConflictDoNothing().execute() == 1;
    }

    public Optional<CheckIn> ofKey(long townId, String key) {
        return db.select(CHECK_IN.fields()).from(CHECK_IN).join(CHECK_IN_REQUEST)
                .on(CHECK_IN_REQUEST.TOWN_ID.eq(CHECK_IN.TOWN_ID), CHECK_IN_REQUEST.CHECK_IN_ID.eq(CHECK_IN.ID))
                .where(CHECK_IN_REQUEST.TOWN_ID.eq(townId), CHECK_IN_REQUEST.IDEMPOTENCY_KEY.eq(key))
                .fetchOptional(CheckInStore::toCheckIn);
    }

    public CheckIn insert(long id, PairingRecord pairing, HaolinUser helper, NewCheckIn c, OffsetDateTime contactedAt,
                          OffsetDateTime now) {
        return db.insertInto(CHECK_IN).set(CHECK_IN.ID, id).set(CHECK_IN.TOWN_ID, pairing.getTownId())
                .set(CHECK_IN.AREA_ID, pairing.getAreaId()).set(CHECK_IN.AREA_PATH, pairing.getAreaPath())
                .set(CHECK_IN.PAIRING_ID, pairing.getId()).set(CHECK_IN.RESIDENT_ID, pairing.getResidentId())
                .set(CHECK_IN.HELPER_ID, helper.accountId()).set(CHECK_IN.HELPER_NAME, helper.displayName())
                .set(CHECK_IN.CHANNEL, c.channel().name()).set(CHECK_IN.CONTACTED_AT, contactedAt)
                .set(CHECK_IN.CONDITION, c.wellbeing().name()).set(CHECK_IN.NOTES, c.notes())
                .set(CHECK_IN.NEED, c.need()).set(CHECK_IN.RECORDED_AT, now)
                .returning().fetchOne(CheckInStore::toCheckIn);
    }

    public List<CheckIn> recent(long townId, long residentId, int limit) {
        return db.selectFrom(CHECK_IN).where(CHECK_IN.TOWN_ID.eq(townId), CHECK_IN.RESIDENT_ID.eq(residentId))
                .orderBy(CHECK_IN.CONTACTED_AT.desc()).limit(limit).fetch(CheckInStore::toCheckIn);
    }

    private static CheckIn toCheckIn(Record r) {
        return new CheckIn(r.get(CHECK_IN.ID), r.get(CHECK_IN.RESIDENT_ID), r.get(CHECK_IN.HELPER_NAME),
                Channel.valueOf(r.get(CHECK_IN.CHANNEL)), r.get(CHECK_IN.CONTACTED_AT),
                Wellbeing.valueOf(r.get(CHECK_IN.CONDITION)), r.get(CHECK_IN.NOTES), r.get(CHECK_IN.NEED),
                r.get(CHECK_IN.RECORDED_AT));
    }
}
