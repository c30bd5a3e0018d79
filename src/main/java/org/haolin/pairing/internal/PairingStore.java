package org.haolin.pairing.internal;

import haolin.schema.tables.records.PairingRecord;
import org.haolin.access.HaolinUser;
import org.haolin.pairing.Pairing;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static haolin.schema.Tables.PAIRING;

/** Pairing rows: one current per resident, ended rows kept as history. */
@Component
public class PairingStore {

    private final DSLContext db;

    PairingStore(DSLContext db) {
        this.db = db;
    }

    public Optional<PairingRecord> current(long townId, long residentId) {
        return db.selectFrom(PAIRING).where(PAIRING.TOWN_ID.eq(townId), PAIRING.RESIDENT_ID.eq(residentId),
                PAIRING.ENDED_AT.isNull()).fetchOptional();
    }

    /** The current pairing, locked so two check-ins for one resident update it one after the other. */
    public Optional<PairingRecord> currentForUpdate(long townId, long residentId) {
        return db.selectFrom(PAIRING).where(PAIRING.TOWN_ID.eq(townId), PAIRING.RESIDENT_ID.eq(residentId),
                PAIRING.ENDED_AT.isNull()).forUpdate().fetchOptional();
    }

    public List<Pairing> history(long townId, long residentId) {
        return db.selectFrom(PAIRING).where(PAIRING.TOWN_ID.eq(townId), PAIRING.RESIDENT_ID.eq(residentId))
                .orderBy(PAIRING.STARTED_AT.desc(), PAIRING.ID.desc()).fetch(PairingStore::toPairing);
    }

    /** How many residents each helper is currently paired with. */
    public Map<Long, Integer> loads(Collection<Long> helperIds) {
        return db.select(PAIRING.HELPER_ID, DSL.count()).from(PAIRING)
                .where(PAIRING.HELPER_ID.in(helperIds), PAIRING.ENDED_AT.isNull())
                .groupBy(PAIRING.HELPER_ID).fetchMap(PAIRING.HELPER_ID, DSL.count());
    }

    public long start(ResidentPlace place, long helperId, String helperName, HaolinUser by, OffsetDateTime now,
                      int frequencyDays) {
        return db.insertInto(PAIRING)
                .set(PAIRING.TOWN_ID, place.townId()).set(PAIRING.AREA_ID, place.stairwellId())
                .set(PAIRING.AREA_PATH, place.stairwellPath()).set(PAIRING.RESIDENT_ID, place.residentId())
                .set(PAIRING.HELPER_ID, helperId).set(PAIRING.HELPER_NAME, helperName)
                .set(PAIRING.STARTED_AT, now).set(PAIRING.STARTED_BY, by.accountId())
                .set(PAIRING.STARTED_BY_NAME, by.displayName()).set(PAIRING.FREQUENCY_DAYS, frequencyDays)
                .set(PAIRING.DUE_AT, now.plusDays(frequencyDays))
                .returning(PAIRING.ID).fetchOne().getId();
    }

    public int end(long townId, long residentId, HaolinUser by, OffsetDateTime now, String reason) {
        return db.update(PAIRING).set(PAIRING.ENDED_AT, now).set(PAIRING.ENDED_BY, by.accountId())
                .set(PAIRING.ENDED_BY_NAME, by.displayName()).set(PAIRING.END_REASON, reason)
                .where(PAIRING.TOWN_ID.eq(townId), PAIRING.RESIDENT_ID.eq(residentId), PAIRING.ENDED_AT.isNull())
                .execute();
    }

    /** A contact recorded: the next one is due a frequency after it; "not reached" runs are counted. */
    public void contacted(PairingRecord pairing, OffsetDateTime contactedAt, String wellbeing, boolean notReached,
                          int frequencyDays) {
        OffsetDateTime last = pairing.getLastCheckInAt() == null || contactedAt.isAfter(pairing.getLastCheckInAt())
                ? contactedAt : pairing.getLastCheckInAt();
        db.update(PAIRING).set(PAIRING.LAST_CHECK_IN_AT, last).set(PAIRING.LAST_CONDITION, wellbeing)
                .set(PAIRING.NOT_REACHED_RUN, notReached ? PAIRING.NOT_REACHED_RUN.plus(1) : DSL.inline(0))
                .set(PAIRING.FREQUENCY_DAYS, frequencyDays).set(PAIRING.DUE_AT, last.plusDays(frequencyDays))
                .set(PAIRING.OVERDUE_NOTICED, false)
                .where(PAIRING.ID.eq(pairing.getId())).execute();
    }

    static Pairing toPairing(PairingRecord r) {
        return new Pairing(r.getId(), r.getResidentId(), r.getHelperId(), r.getHelperName(), r.getStartedAt(),
                r.getStartedByName(), r.getEndedAt(), r.getEndedByName(), r.getEndReason(), r.getFrequencyDays(),
                r.getDueAt());
    }
}
