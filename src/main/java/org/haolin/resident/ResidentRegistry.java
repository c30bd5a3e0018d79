package org.haolin.resident;

import haolin.schema.tables.records.ResidentRecord;
import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.platform.DomainException;
import org.haolin.platform.SensitiveData;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;

import static haolin.schema.Tables.HOUSEHOLD;
import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.RESIDENT_TAG;
import static haolin.schema.Tables.TAG;

/**
 * Writes residents: register a new one or update the one already known by ID number in the town
 * (never a duplicate). Households are found or created by stairwell and room.
 */
@Service
public class ResidentRegistry {

    /** What a write did to the resident. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public record Saved(long residentId, Outcome outcome) {
    }

    private final DSLContext db;
    private final Scopes scopes;
    private final AuditTrail audit;
    private final AreaTree areas;
    private final SensitiveData sensitive;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ResidentRegistry(DSLContext db, Scopes scopes, AuditTrail audit, AreaTree areas, SensitiveData sensitive,
                     ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.scopes = scopes;
        this.audit = audit;
        this.areas = areas;
        this.sensitive = sensitive;
        this.events = events;
        this.clock = clock;
    }

    /** Registers or updates one resident for a person allowed to edit residents in that stairwell. */
    @Transactional
    public Saved save(HaolinUser user, NewResident resident, TagSource tagSource) {
        Area stairwell = stairwell(resident.stairwellId());
        if (!scopes.of(user, Permission.EDIT_RESIDENTS).covers(stairwell.path())) {
            throw DomainException.notFound("area.notFound", resident.stairwellId());
        }
        Saved saved = write(stairwell, resident, tagSource, user.accountId(), user.displayName());
        if (saved.outcome() != Outcome.UNCHANGED) {
            audit.record(user, saved.outcome() == Outcome.CREATED ? AuditAction.CREATE : AuditAction.UPDATE,
                    AuditedObject.of("RESIDENT", saved.residentId(), stairwell.townId(), stairwell.path()), null);
            events.publishEvent(new ResidentsChanged(stairwell.townId()));
        }
        return saved;
    }

    /**
     * Registers a resident a sweep team found living in the stairwell, for a person who may sweep there (the
     * sweep module checks they are on its team). A sweep only adds people: one whose ID number is already
     * registered in the town is refused with where they are, since moving residents is the committee's job.
     */
    @Transactional
    public Saved registerFoundBySweep(HaolinUser user, NewResident resident) {
        Area stairwell = stairwell(resident.stairwellId());
        if (!scopes.of(user, Permission.SWEEP).covers(stairwell.path())) {
            throw DomainException.notFound("area.notFound", resident.stairwellId());
        }
        ResidentRecord known = db.selectFrom(RESIDENT).where(RESIDENT.TOWN_ID.eq(stairwell.townId()),
                RESIDENT.ID_NUMBER_HASH.eq(sensitive.lookupHash(resident.idNumber()))).fetchOne();
        if (known != null && known.getAreaId() == stairwell.id()) {
            throw DomainException.conflict("sweep.found.alreadyHere", known.getRoom());
        }
        if (known != null) {
            throw DomainException.conflict("sweep.found.registeredElsewhere");
        }
        Saved saved = write(stairwell, resident, TagSource.SWEEP, user.accountId(), user.displayName());
        audit.record(user, AuditAction.CREATE,
                AuditedObject.of("RESIDENT", saved.residentId(), stairwell.townId(), stairwell.path()), "found by sweep");
        events.publishEvent(new ResidentsChanged(stairwell.townId()));
        return saved;
    }

    /**
     * Sets a resident's residence status as a sweep found it (scoped by the SWEEP permission, audited with the
     * round's reference). Returns the status before; setting the same status again writes nothing.
     */
    @Transactional
    public ResidenceStatus changeStatusBySweep(HaolinUser user, long residentId, ResidenceStatus status, String sweepRef) {
        ResidentRecord r = db.selectFrom(RESIDENT).where(RESIDENT.ID.eq(residentId)).fetchOne();
        if (r == null || !scopes.of(user, Permission.SWEEP).covers(r.getAreaPath())) {
            throw DomainException.notFound("resident.notFound", residentId);
        }
        ResidenceStatus before = ResidenceStatus.valueOf(r.getResidenceStatus());
        if (before != status) {
            db.update(RESIDENT).set(RESIDENT.RESIDENCE_STATUS, status.name())
                    .set(RESIDENT.VERSION, RESIDENT.VERSION.plus(1)).set(RESIDENT.UPDATED_AT, OffsetDateTime.now(clock))
                    .where(RESIDENT.ID.eq(residentId)).execute();
            audit.record(user, AuditAction.UPDATE, AuditedObject.of("RESIDENT", residentId, r.getTownId(),
                    r.getAreaPath()), "residence status " + before + " -> " + status + " by " + sweepRef);
            events.publishEvent(new ResidentsChanged(r.getTownId()));
        }
        return before;
    }

    /**
     * The same write without scope, audit or event: for callers that checked and audit the whole batch
     * themselves, and publish one {@link ResidentsChanged} when the batch is done.
     */
    @Transactional
    public Saved write(Area stairwell, NewResident r, TagSource tagSource, Long authorId, String authorName) {
        byte[] idHash = sensitive.lookupHash(r.idNumber());
        ResidentRecord existing = db.selectFrom(RESIDENT)
                .where(RESIDENT.TOWN_ID.eq(stairwell.townId()), RESIDENT.ID_NUMBER_HASH.eq(idHash)).fetchOne();
        long householdId = household(stairwell, r.room());
        ResidentRecord row = existing != null ? existing : db.newRecord(RESIDENT);
        EncodedIdentity identity = EncodedIdentity.of(sensitive, r.idNumber(), r.phone());
        boolean phoneSame = existing != null && java.util.Arrays.equals(existing.getPhoneHash(), identity.phoneHash());
        row.setTownId(stairwell.townId());
        row.setAreaId(stairwell.id());
        row.setAreaPath(stairwell.path());
        row.setHouseholdId(householdId);
        row.setRoom(r.room());
        row.setName(r.name());
        row.setSex(r.sex());
        row.setBirthDate(r.birthDate());
        row.setIdType(r.idType().name());
        row.setResidenceStatus(r.status().name());
        row.setNotes(r.notes() == null || r.notes().isBlank() ? null : r.notes());
        if (existing == null) {
            row.setIdNumberEnc(identity.idNumberEnc());
            row.setIdNumberHash(identity.idNumberHash());
            row.setIdNumberMasked(identity.idNumberMasked());
            row.setIdLast4(identity.idLast4());
        }
        if (!phoneSame) {
            row.setPhoneEnc(identity.phoneEnc());
            row.setPhoneHash(identity.phoneHash());
            row.setPhoneMasked(identity.phoneMasked());
            row.setPhoneLast4(identity.phoneLast4());
        }
        forgetSetsToTheSameValue(row);
        boolean changed = existing == null || row.changed();
        if (existing != null && changed) {
            row.setVersion(existing.getVersion() + 1);
            row.setUpdatedAt(OffsetDateTime.now());
        }
        row.store();
        boolean tagsAdded = addMissingTags(row, r, tagSource, authorId, authorName);
        Outcome outcome = existing == null ? Outcome.CREATED : (changed || tagsAdded ? Outcome.UPDATED : Outcome.UNCHANGED);
        return new Saved(row.getId(), outcome);
    }

    /** jOOQ marks a field changed when it is set, even to the value it had: only real changes count. */
    private static void forgetSetsToTheSameValue(ResidentRecord row) {
        for (org.jooq.Field<?> field : row.fields()) {
            if (row.changed(field) && java.util.Objects.deepEquals(row.get(field), row.original(field))) {
                row.changed(field, false);
            }
        }
    }

    private boolean addMissingTags(ResidentRecord row, NewResident r, TagSource source, Long authorId, String authorName) {
        boolean added = false;
        for (String code : r.tagCodes()) {
            Long tagId = db.select(TAG.ID).from(TAG).where(TAG.CODE.eq(code), TAG.ACTIVE.isTrue()).fetchOne(TAG.ID);
            if (tagId == null) {
                throw DomainException.invalid("tag.unknown", code);
            }
            OffsetDateTime now = OffsetDateTime.now();
            boolean current = db.fetchExists(RESIDENT_TAG, RESIDENT_TAG.RESIDENT_ID.eq(row.getId()),
                    RESIDENT_TAG.TAG_ID.eq(tagId), TagAssignments.current(now));
            if (!current) {
                db.insertInto(RESIDENT_TAG)
                        .set(RESIDENT_TAG.TOWN_ID, row.getTownId()).set(RESIDENT_TAG.AREA_ID, row.getAreaId())
                        .set(RESIDENT_TAG.AREA_PATH, row.getAreaPath()).set(RESIDENT_TAG.RESIDENT_ID, row.getId())
                        .set(RESIDENT_TAG.TAG_ID, tagId).set(RESIDENT_TAG.SOURCE, source.name())
                        .set(RESIDENT_TAG.CREATED_BY, authorId)
                        .set(RESIDENT_TAG.CREATED_BY_NAME, Objects.requireNonNullElse(authorName, "-"))
                        .execute();
                added = true;
            }
        }
        return added;
    }

    private long household(Area stairwell, String room) {
        Long id = db.select(HOUSEHOLD.ID).from(HOUSEHOLD)
                .where(HOUSEHOLD.TOWN_ID.eq(stairwell.townId()), HOUSEHOLD.AREA_ID.eq(stairwell.id()), HOUSEHOLD.ROOM.eq(room))
                .fetchOne(HOUSEHOLD.ID);
        if (id != null) {
            return id;
        }
        return db.insertInto(HOUSEHOLD)
                .set(HOUSEHOLD.TOWN_ID, stairwell.townId()).set(HOUSEHOLD.AREA_ID, stairwell.id())
                .set(HOUSEHOLD.AREA_PATH, stairwell.path()).set(HOUSEHOLD.ROOM, room)
                .onConflictDoNothing()
                .returning(HOUSEHOLD.ID).fetchOptional(HOUSEHOLD.ID)
                .orElseGet(() -> household(stairwell, room));
    }

    private Area stairwell(long id) {
        return areas.find(id).filter(a -> a.level() == AreaLevel.STAIRWELL)
                .orElseThrow(() -> DomainException.notFound("area.notFound", id));
    }
}
