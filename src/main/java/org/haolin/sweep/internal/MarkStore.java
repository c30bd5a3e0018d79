package org.haolin.sweep.internal;

import haolin.schema.tables.records.SweepMarkRecord;
import org.haolin.access.HaolinUser;
import org.haolin.resident.ResidenceStatus;
import org.haolin.sweep.Mark;
import org.haolin.sweep.MarkOrder;
import org.haolin.sweep.Occupation;
import org.haolin.sweep.Presence;
import org.haolin.sweep.SweepRound;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.SWEEP_MARK;
import static haolin.schema.Tables.SWEEP_MARK_REQUEST;

/**
 * Marks, one row per resident per round. A save is a conditional write: the first mark inserts (and loses to a
 * mark inserted meanwhile, which the unique key makes it wait for), later ones update only the version their
 * author saw. PostgreSQL's row lock holds until commit, so the registry changes that follow a save are made by
 * one person at a time per resident, and never by two for the same version.
 */
@Component
public class MarkStore {

    private final DSLContext db;

    MarkStore(DSLContext db) {
        this.db = db;
    }

    public Map<Long, Mark> marks(SweepRound round, long stairwellId) {
        return db.selectFrom(SWEEP_MARK)
                .where(SWEEP_MARK.TOWN_ID.eq(round.townId()), SWEEP_MARK.AREA_ID.eq(stairwellId),
                        SWEEP_MARK.ROUND_ID.eq(round.id()))
                .fetchMap(SWEEP_MARK.RESIDENT_ID, MarkStore::toMark);
    }

    public Optional<Mark> mark(SweepRound round, long residentId) {
        return db.selectFrom(SWEEP_MARK).where(SWEEP_MARK.ROUND_ID.eq(round.id()), SWEEP_MARK.RESIDENT_ID.eq(residentId))
                .fetchOptional(MarkStore::toMark);
    }

    /** Writes the order if the mark is still at the version its author saw; false when someone came first. */
    public boolean save(SweepRound round, ResidentPlace resident, MarkOrder order, HaolinUser user, OffsetDateTime now) {
        if (order.seenVersion() == 0) {
            return db.insertInto(SWEEP_MARK)
                    .set(SWEEP_MARK.TOWN_ID, round.townId()).set(SWEEP_MARK.ROUND_ID, round.id())
                    .set(SWEEP_MARK.AREA_ID, resident.stairwellId()).set(SWEEP_MARK.AREA_PATH, resident.stairwellPath())
                    .set(SWEEP_MARK.RESIDENT_ID, order.residentId())
                    .set(SWEEP_MARK.PRESENCE, order.presence() == null ? null : order.presence().name())
                    .set(SWEEP_MARK.MEDICAL_STAFF, order.occupations().contains(Occupation.MEDICAL_STAFF))
                    .set(SWEEP_MARK.POLICE, order.occupations().contains(Occupation.POLICE))
                    .set(SWEEP_MARK.VOLUNTEER, order.occupations().contains(Occupation.VOLUNTEER))
                    .set(SWEEP_MARK.STATUS_BEFORE, resident.status().name())
                    .set(SWEEP_MARK.STATUS_AFTER, resident.status().name())
                    .set(SWEEP_MARK.MARKED_BY, user.accountId()).set(SWEEP_MARK.MARKED_BY_NAME, user.displayName())
                    .set(SWEEP_MARK.MARKED_AT, now)
                    .onConflictDoNothing().execute() == 1;
        }
        return db.update(SWEEP_MARK)
                .set(SWEEP_MARK.PRESENCE, order.presence() == null ? null : order.presence().name())
                .set(SWEEP_MARK.MEDICAL_STAFF, order.occupations().contains(Occupation.MEDICAL_STAFF))
                .set(SWEEP_MARK.POLICE, order.occupations().contains(Occupation.POLICE))
                .set(SWEEP_MARK.VOLUNTEER, order.occupations().contains(Occupation.VOLUNTEER))
                .set(SWEEP_MARK.VERSION, SWEEP_MARK.VERSION.plus(1))
                .set(SWEEP_MARK.MARKED_BY, user.accountId()).set(SWEEP_MARK.MARKED_BY_NAME, user.displayName())
                .set(SWEEP_MARK.MARKED_AT, now)
                .where(SWEEP_MARK.ROUND_ID.eq(round.id()), SWEEP_MARK.RESIDENT_ID.eq(order.residentId()),
                        SWEEP_MARK.VERSION.eq(order.seenVersion()))
                .execute() == 1;
    }

    /** Notes what the save did to the registry, for the round's "what changed". */
    public void recordEffects(SweepRound round, long residentId, ResidenceStatus after, boolean tagsChanged) {
        db.update(SWEEP_MARK).set(SWEEP_MARK.STATUS_AFTER, after.name())
                .set(SWEEP_MARK.TAGS_CHANGED, tagsChanged ? org.jooq.impl.DSL.inline(true) : SWEEP_MARK.TAGS_CHANGED)
                .where(SWEEP_MARK.ROUND_ID.eq(round.id()), SWEEP_MARK.RESIDENT_ID.eq(residentId)).execute();
    }

    /** A resident found during the sweep: marked present by whoever added them. */
    public void found(SweepRound round, ResidentPlace resident, long residentId, HaolinUser user, OffsetDateTime now) {
        db.insertInto(SWEEP_MARK)
                .set(SWEEP_MARK.TOWN_ID, round.townId()).set(SWEEP_MARK.ROUND_ID, round.id())
                .set(SWEEP_MARK.AREA_ID, resident.stairwellId()).set(SWEEP_MARK.AREA_PATH, resident.stairwellPath())
                .set(SWEEP_MARK.RESIDENT_ID, residentId).set(SWEEP_MARK.PRESENCE, Presence.PRESENT.name())
                .set(SWEEP_MARK.STATUS_BEFORE, ResidenceStatus.LIVING_HERE.name())
                .set(SWEEP_MARK.STATUS_AFTER, ResidenceStatus.LIVING_HERE.name())
                .set(SWEEP_MARK.FOUND_NEW, true)
                .set(SWEEP_MARK.MARKED_BY, user.accountId()).set(SWEEP_MARK.MARKED_BY_NAME, user.displayName())
                .set(SWEEP_MARK.MARKED_AT, now)
                .execute();
    }

    /** Takes a client's key for this round; false when the key was used before (the save is a retry). */
    public boolean claimKey(SweepRound round, String key, long residentId) {
        return db.insertInto(SWEEP_MARK_REQUEST)
                .set(SWEEP_MARK_REQUEST.TOWN_ID, round.townId()).set(SWEEP_MARK_REQUEST.ROUND_ID, round.id())
                .set(SWEEP_MARK_REQUEST.IDEMPOTENCY_KEY, key).set(SWEEP_MARK_REQUEST.RESIDENT_ID, residentId)
                .onConflictDoNothing().execute() == 1;
    }

    /** Residents of the stairwell still to be marked (those moved out before the round and unmarked excepted). */
    public int unmarked(SweepRound round, long stairwellId) {
        return db.fetchCount(db.select(RESIDENT.ID).from(RESIDENT)
                .leftJoin(SWEEP_MARK).on(SWEEP_MARK.ROUND_ID.eq(round.id()), SWEEP_MARK.RESIDENT_ID.eq(RESIDENT.ID))
                .where(RESIDENT.TOWN_ID.eq(round.townId()), RESIDENT.AREA_ID.eq(stairwellId),
                        SWEEP_MARK.PRESENCE.isNull(),
                        RESIDENT.RESIDENCE_STATUS.ne(ResidenceStatus.MOVED_OUT.name()).or(SWEEP_MARK.RESIDENT_ID.isNotNull())));
    }

    /** Where a resident lives and their status now: what a mark needs to know of them. */
    public Optional<ResidentPlace> place(long townId, long residentId) {
        return db.select(RESIDENT.ID, RESIDENT.AREA_ID, RESIDENT.AREA_PATH, RESIDENT.RESIDENCE_STATUS).from(RESIDENT)
                .where(RESIDENT.TOWN_ID.eq(townId), RESIDENT.ID.eq(residentId))
                .fetchOptional(r -> new ResidentPlace(r.value1(), r.value2(), r.value3(), ResidenceStatus.valueOf(r.value4())));
    }

    static Mark toMark(SweepMarkRecord r) {
        Set<Occupation> occupations = EnumSet.noneOf(Occupation.class);
        if (r.getMedicalStaff()) {
            occupations.add(Occupation.MEDICAL_STAFF);
        }
        if (r.getPolice()) {
            occupations.add(Occupation.POLICE);
        }
        if (r.getVolunteer()) {
            occupations.add(Occupation.VOLUNTEER);
        }
        return new Mark(r.getResidentId(), r.getPresence() == null ? null : Presence.valueOf(r.getPresence()),
                occupations, r.getVersion(), r.getMarkedBy(), r.getMarkedByName(), r.getMarkedAt(), r.getFoundNew());
    }

    /** A resident as a mark sees them: id, stairwell and current residence status. */
    public record ResidentPlace(long residentId, long stairwellId, String stairwellPath, ResidenceStatus status) {
    }
}
