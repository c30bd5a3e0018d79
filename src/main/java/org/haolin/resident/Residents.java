package org.haolin.resident;

import haolin.schema.tables.records.ResidentRecord;
import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scope;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.platform.DomainException;
import org.haolin.platform.SensitiveData;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.RESIDENT_TAG;
import static haolin.schema.Tables.TAG;
import static org.jooq.impl.DSL.noCondition;
import org.jooq.impl.DSL;

/**
 * The resident registry as every page and API sees it: always through the scope component, always
 * audited, identifiers masked unless explicitly unmasked.
 */
@Service
public class Residents {

    private final DSLContext db;
    private final Scopes scopes;
    private final AuditTrail audit;
    private final AreaTree areas;
    private final SensitiveData sensitive;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TagAssignments tagAssignments;
    private final ObjectProvider<SweepHistory> sweepHistory;

    Residents(DSLContext db, Scopes scopes, AuditTrail audit, AreaTree areas, SensitiveData sensitive, Clock clock,
              ApplicationEventPublisher events, TagAssignments tagAssignments, ObjectProvider<SweepHistory> sweepHistory) {
        this.db = db;
        this.scopes = scopes;
        this.audit = audit;
        this.areas = areas;
        this.sensitive = sensitive;
        this.clock = clock;
        this.events = events;
        this.tagAssignments = tagAssignments;
        this.sweepHistory = sweepHistory;
    }

    /** The stairwell list, with the lines that changed since the stairwell's last sweep highlighted. */
    @Transactional
    public StairwellRoster roster(HaolinUser user, long stairwellId) {
        StairwellRoster roster = read(user, stairwellId, Permission.READ_RESIDENTS);
        var last = sweepHistory.getIfAvailable(() -> SweepHistory.NONE).lastSweep(roster.stairwell().townId(), stairwellId);
        return new StairwellRoster(roster.stairwell(), roster.lineage(),
                RosterHighlights.apply(roster.entries(), last, clock.instant()));
    }

    /**
     * The same list for a sweep team walking the stairwell: read under the SWEEP permission, since Party
     * members and volunteers on a team may sweep but not read residents otherwise. The sweep module checks
     * that the person is on the stairwell's team (or organises sweeps there) before asking.
     */
    @Transactional
    public StairwellRoster sweepSheet(HaolinUser user, long stairwellId) {
        return read(user, stairwellId, Permission.SWEEP);
    }

    private StairwellRoster read(HaolinUser user, long stairwellId, Permission permission) {
        Scope scope = scopes.of(user, permission);
        Area stairwell = areas.find(stairwellId)
                .filter(a -> a.level() == AreaLevel.STAIRWELL && scope.covers(a.path()))
                .orElseThrow(() -> DomainException.notFound("area.notFound", stairwellId));
        List<ResidentRecord> rows = db.selectFrom(RESIDENT)
                .where(RESIDENT.AREA_ID.eq(stairwellId), scope.on(RESIDENT.TOWN_ID, RESIDENT.AREA_PATH))
                .orderBy(DSL.length(RESIDENT.ROOM), RESIDENT.ROOM, RESIDENT.ID) // 201 before 1001
                .fetch();
        audit.record(user, AuditAction.LIST, AuditedObject.of("STAIRWELL", stairwellId, stairwell.townId(),
                stairwell.path()), rows.size() + " residents");
        return new StairwellRoster(stairwell, areas.lineage(stairwell), entries(rows));
    }

    @Transactional
    public List<RosterEntry> search(HaolinUser user, ResidentQuery query) {
        Scope scope = scopes.of(user, Permission.READ_RESIDENTS);
        if (scope.isEmpty()) {
            throw DomainException.forbidden("access.denied");
        }
        Condition where = scope.on(RESIDENT.TOWN_ID, RESIDENT.AREA_PATH)
                .and(textCondition(InputText.clean(query.text())))
                .and(areaCondition(user, query.areaId()))
                .and(tagCondition(query.tagCode()));
        List<ResidentRecord> rows = db.selectFrom(RESIDENT).where(where)
                .orderBy(RESIDENT.AREA_PATH, RESIDENT.ROOM, RESIDENT.ID)
                .limit(query.limit()).fetch();
        audit.record(user, AuditAction.SEARCH, AuditedObject.of("RESIDENT", null, null, null),
                rows.size() + " found");
        return entries(rows);
    }

    /**
     * The residents living in an area (any level) aged minAge..maxAge today, leaving out the given ids (those a
     * caller already has, such as the volunteer pool): masked names, audited as a list of the area.
     */
    @Transactional
    public List<AgedResident> inAgeBand(HaolinUser user, long areaId, int minAge, int maxAge,
                                        Collection<Long> excludeIds) {
        Scope scope = scopes.of(user, Permission.READ_RESIDENTS);
        Area area = areas.find(areaId).filter(a -> scope.covers(a.path()))
                .orElseThrow(() -> DomainException.notFound("area.notFound", areaId));
        LocalDate today = LocalDate.now(clock);
        List<ResidentRecord> rows = db.selectFrom(RESIDENT)
                .where(scope.on(RESIDENT.TOWN_ID, RESIDENT.AREA_PATH), RESIDENT.AREA_PATH.startsWith(area.path()),
                        RESIDENT.RESIDENCE_STATUS.eq(ResidenceStatus.LIVING_HERE.name()),
                        RESIDENT.BIRTH_DATE.le(today.minusYears(minAge)),
                        RESIDENT.BIRTH_DATE.gt(today.minusYears(maxAge + 1L)),
                        excludeIds.isEmpty() ? noCondition() : RESIDENT.ID.notIn(excludeIds))
                .orderBy(RESIDENT.AREA_PATH, DSL.length(RESIDENT.ROOM), RESIDENT.ROOM, RESIDENT.ID)
                .limit(500).fetch();
        audit.record(user, AuditAction.LIST, AuditedObject.of("AREA", areaId, area.townId(), area.path()),
                "age " + minAge + "-" + maxAge + ": " + rows.size() + " residents");
        return rows.stream().map(r -> new AgedResident(r.getId(), r.getAreaId(), r.getAreaPath(), r.getRoom(),
                org.haolin.platform.Masking.name(r.getName()), Period.between(r.getBirthDate(), today).getYears()))
                .toList();
    }

    @Transactional
    public ResidentDetail detail(HaolinUser user, long residentId) {
        ResidentRecord r = readable(user, Permission.READ_RESIDENTS, residentId);
        audit.record(user, AuditAction.READ, auditedResident(r), null);
        Area stairwell = areas.find(r.getAreaId()).orElseThrow();
        List<CurrentTag> history = tagsOf(List.of(residentId), false).getOrDefault(residentId, List.of());
        return new ResidentDetail(entries(List.of(r)).getFirst(), r.getBirthDate(), areas.lineage(stairwell), history);
    }

    /** Adds a tag from now until ended, or until validTo when given (else until its attention period ends). */
    @Transactional
    public CurrentTag addTag(HaolinUser user, long residentId, String tagCode, OffsetDateTime validTo,
                             TagSource source, String sourceRef) {
        readable(user, Permission.EDIT_RESIDENTS, residentId);
        if (validTo != null && validTo.isBefore(OffsetDateTime.now(clock))) {
            throw DomainException.invalid("tag.validTo.past");
        }
        var assigned = tagAssignments.assign(user,
                List.of(new TagAssignments.TagOrder(residentId, tagCode, null, validTo)), source, sourceRef);
        if (assigned.landed().isEmpty()) {
            throw DomainException.conflict("tag.alreadyCurrent", tag(tagCode).nameZh());
        }
        return tagsOf(List.of(residentId), true).get(residentId).stream()
                .filter(t -> t.code().equals(tagCode)).findFirst().orElseThrow();
    }

    /** Ends a current tag now. The assignment stays in the history. */
    @Transactional
    public void endTag(HaolinUser user, long residentId, long assignmentId, String reason) {
        ResidentRecord r = readable(user, Permission.EDIT_RESIDENTS, residentId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int ended = db.update(RESIDENT_TAG)
                .set(RESIDENT_TAG.VALID_TO, now).set(RESIDENT_TAG.ENDED_BY, user.accountId())
                .set(RESIDENT_TAG.ENDED_BY_NAME, user.displayName())
                .set(RESIDENT_TAG.END_REASON, reason == null || reason.isBlank() ? null : InputText.clean(reason))
                .where(RESIDENT_TAG.ID.eq(assignmentId), RESIDENT_TAG.RESIDENT_ID.eq(residentId), TagAssignments.current(now))
                .execute();
        if (ended == 0) {
            throw DomainException.notFound("tag.notCurrent");
        }
        audit.record(user, AuditAction.TAG_END, auditedResident(r), String.valueOf(assignmentId));
        events.publishEvent(new ResidentsChanged(r.getTownId()));
    }

    /** Shows the full ID number and phone to a person allowed to see them, for a stated reason. */
    @Transactional
    public Unmasked unmask(HaolinUser user, long residentId, String reason) {
        ResidentRecord r = readable(user, Permission.READ_RESIDENTS, residentId);
        if (!scopes.of(user, Permission.UNMASK).covers(r.getAreaPath())) {
            audit.denied(user, AuditAction.UNMASK, auditedResident(r));
            throw DomainException.forbidden("unmask.notAllowed");
        }
        String why = InputText.clean(reason);
        if (why.length() < 2) {
            throw DomainException.invalid("unmask.reason.required");
        }
        audit.record(user, AuditAction.UNMASK, auditedResident(r), why);
        return new Unmasked(residentId, sensitive.decrypt(r.getIdNumberEnc()),
                r.getPhoneEnc() == null ? "" : sensitive.decrypt(r.getPhoneEnc()));
    }

    public List<Tag> catalogue() {
        return db.selectFrom(TAG).orderBy(TAG.SORT_KEY, TAG.ID)
                .fetch(Tag::from);
    }

    private Tag tag(String code) {
        return catalogue().stream().filter(t -> t.code().equals(code) && t.active()).findFirst()
                .orElseThrow(() -> DomainException.invalid("tag.unknown", code));
    }

    /** A resident inside the person's scope for the permission, or "not found" as if it did not exist. */
    private ResidentRecord readable(HaolinUser user, Permission permission, long residentId) {
        Scope scope = scopes.of(user, permission);
        ResidentRecord r = db.selectFrom(RESIDENT).where(RESIDENT.ID.eq(residentId)).fetchOne();
        if (r == null || !scope.covers(r.getAreaPath())) {
            if (r != null) {
                audit.denied(user, AuditAction.READ, AuditedObject.of("RESIDENT", residentId, null, null));
            }
            throw DomainException.notFound("resident.notFound", residentId);
        }
        return r;
    }

    /** Roster lines for rows already read under a scope: masked identifiers, age and current tags. */
    List<RosterEntry> entries(List<ResidentRecord> rows) {
        Map<Long, List<CurrentTag>> tags = tagsOf(rows.stream().map(ResidentRecord::getId).toList(), true);
        LocalDate today = LocalDate.now(clock);
        return rows.stream().map(r -> new RosterEntry(r.getId(), r.getRoom(), r.getName(), r.getSex(),
                r.getBirthDate() == null ? null : Period.between(r.getBirthDate(), today).getYears(),
                IdType.valueOf(r.getIdType()), r.getIdNumberMasked(), r.getPhoneMasked(),
                ResidenceStatus.valueOf(r.getResidenceStatus()), r.getNotes(),
                tags.getOrDefault(r.getId(), List.of()))).toList();
    }

    private Map<Long, List<CurrentTag>> tagsOf(Collection<Long> residentIds, boolean currentOnly) {
        if (residentIds.isEmpty()) {
            return Map.of();
        }
        return db.select(RESIDENT_TAG.asterisk(), TAG.CODE, TAG.CATEGORY, TAG.NAME_ZH, TAG.NAME_EN)
                .from(RESIDENT_TAG).join(TAG).on(TAG.ID.eq(RESIDENT_TAG.TAG_ID))
                .where(RESIDENT_TAG.RESIDENT_ID.in(residentIds))
                .and(currentOnly ? TagAssignments.current(OffsetDateTime.now(clock)) : noCondition())
                .orderBy(TAG.SORT_KEY, RESIDENT_TAG.VALID_FROM.desc())
                .fetchGroups(RESIDENT_TAG.RESIDENT_ID, Residents::toTag)
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static CurrentTag toTag(Record r) {
        OffsetDateTime endedAt = r.get(RESIDENT_TAG.ENDED_BY_NAME) == null ? null : r.get(RESIDENT_TAG.VALID_TO);
        return new CurrentTag(r.get(RESIDENT_TAG.ID), r.get(TAG.CODE), TagCategory.valueOf(r.get(TAG.CATEGORY)),
                r.get(TAG.NAME_ZH), r.get(TAG.NAME_EN), r.get(RESIDENT_TAG.VALID_FROM), r.get(RESIDENT_TAG.VALID_TO),
                TagSource.valueOf(r.get(RESIDENT_TAG.SOURCE)), r.get(RESIDENT_TAG.CREATED_BY_NAME), endedAt);
    }

    private Condition textCondition(String text) {
        if (text.isEmpty()) {
            return noCondition();
        }
        Condition byName = RESIDENT.NAME.startsWith(text);
        if (text.matches("[0-9Xx]{4}")) {
            String last4 = text.toUpperCase();
            return byName.or(RESIDENT.ID_LAST4.eq(last4)).or(RESIDENT.PHONE_LAST4.eq(last4)).or(RESIDENT.ROOM.eq(text));
        }
        return text.matches("\\d{1,6}") ? byName.or(RESIDENT.ROOM.eq(text)) : byName;
    }

    private Condition areaCondition(HaolinUser user, Long areaId) {
        if (areaId == null) {
            return noCondition();
        }
        Area area = areas.visible(user, areaId);
        return RESIDENT.AREA_PATH.like(area.path() + "%");
    }

    private Condition tagCondition(String tagCode) {
        if (tagCode == null || tagCode.isBlank()) {
            return noCondition();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return RESIDENT.ID.in(db.select(RESIDENT_TAG.RESIDENT_ID).from(RESIDENT_TAG).join(TAG)
                .on(TAG.ID.eq(RESIDENT_TAG.TAG_ID))
                .where(TAG.CODE.eq(tagCode), TagAssignments.current(now), RESIDENT_TAG.TOWN_ID.eq(RESIDENT.TOWN_ID)));
    }

    private static AuditedObject auditedResident(ResidentRecord r) {
        return AuditedObject.of("RESIDENT", r.getId(), r.getTownId(), r.getAreaPath());
    }
}
