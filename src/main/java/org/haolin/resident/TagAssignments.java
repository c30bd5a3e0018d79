package org.haolin.resident;

import haolin.schema.tables.records.ResidentRecord;
import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scope;
import org.haolin.access.Scopes;
import org.haolin.platform.DomainException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Row12;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.RESIDENT_TAG;
import static haolin.schema.Tables.TAG;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.row;

/**
 * Puts tags on residents and ends them, one resident or a whole office list at a time. Every resident
 * must be inside the person's editing scope (else nothing is written); a tag already current is left as
 * it is, so the same list applied twice changes nothing. A tag whose rule has an attention period ends by
 * itself when the period is over. Each resident touched is audited; what newly landed is published as
 * {@link TagsLanded} for the people to be told.
 */
@Service
public class TagAssignments {

    private static final int ROWS_PER_INSERT = 1_000;

    /** A tag to put on a resident; validFrom null means now, validTo null means the tag's attention period. */
    public record TagOrder(long residentId, String tagCode, OffsetDateTime validFrom, OffsetDateTime validTo) {

        public static TagOrder now(long residentId, String tagCode) {
            return new TagOrder(residentId, tagCode, null, null);
        }
    }

    /** The current tag with this code on this resident, to end. */
    public record TagEnding(long residentId, String tagCode) {
    }

    /** What an assignment did: the tags that landed, and how many were current already. */
    public record Assigned(List<LandedTag> landed, int alreadyCurrent) {
    }

    private final DSLContext db;
    private final Scopes scopes;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TagAssignments(DSLContext db, Scopes scopes, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
        this.db = db;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Assigned assign(HaolinUser user, Collection<TagOrder> orders, TagSource source, String sourceRef) {
        return assign(user, Permission.EDIT_RESIDENTS, orders, source, sourceRef);
    }

    /**
     * Tags a sweep team found (going out to work, left the city, medical staff...), scoped by the SWEEP
     * permission: Party members and volunteers on a team may not edit residents otherwise. The sweep module
     * checks the person is on the stairwell's team first.
     */
    @Transactional
    public Assigned assignBySweep(HaolinUser user, Collection<TagOrder> orders, String sweepRef) {
        return assign(user, Permission.SWEEP, orders, TagSource.SWEEP, sweepRef);
    }

    /** Ends tags a sweep found no longer hold, scoped like {@link #assignBySweep}; the reason names the round. */
    @Transactional
    public int endBySweep(HaolinUser user, Collection<TagEnding> endings, String sweepRef) {
        return end(user, Permission.SWEEP, endings, sweepRef);
    }

    private Assigned assign(HaolinUser user, Permission permission, Collection<TagOrder> orders, TagSource source,
                            String sourceRef) {
        if (orders.isEmpty()) {
            return new Assigned(List.of(), 0);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Tag> tags = activeTags();
        Map<Long, ResidentRecord> residents = editable(user, permission,
                orders.stream().map(TagOrder::residentId).toList());
        long townId = residents.values().iterator().next().getTownId();
        Set<List<Long>> current = currentPairs(townId, residents.keySet(), now);
        Map<List<Long>, TagOrder> fresh = new LinkedHashMap<>();
        for (TagOrder order : orders) {
            Tag tag = tags.get(order.tagCode());
            if (tag == null) {
                throw DomainException.invalid("tag.unknown", order.tagCode());
            }
            List<Long> pair = List.of(order.residentId(), tag.id());
            if (!current.contains(pair)) {
                fresh.putIfAbsent(pair, order);
            }
        }
        List<LandedTag> landed = insert(user, fresh.values(), tags, residents, source, sourceRef, now);
        audit.recordAll(user, AuditAction.TAG_ADD, landed.stream().map(l -> AuditedObject.of("RESIDENT",
                l.residentId(), townId, l.stairwellPath())).toList(), source + " " + summary(landed));
        if (!landed.isEmpty()) {
            events.publishEvent(new TagsLanded(townId, source, sourceRef, user.accountId(), landed));
            events.publishEvent(new ResidentsChanged(townId));
        }
        return new Assigned(landed, orders.size() - fresh.size());
    }

    /** Ends the current tags named; a tag that is not current is skipped. Returns how many ended. */
    @Transactional
    public int end(HaolinUser user, Collection<TagEnding> endings, String reason) {
        return end(user, Permission.EDIT_RESIDENTS, endings, reason);
    }

    private int end(HaolinUser user, Permission permission, Collection<TagEnding> endings, String reason) {
        if (endings.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Tag> tags = allTags();
        Map<Long, ResidentRecord> residents = editable(user, permission,
                endings.stream().map(TagEnding::residentId).toList());
        String why = reason == null || reason.isBlank() ? null : InputText.clean(reason);
        int ended = 0;
        for (TagEnding ending : endings) {
            Tag tag = tags.get(ending.tagCode());
            if (tag == null) {
                throw DomainException.invalid("tag.unknown", ending.tagCode());
            }
            ended += db.update(RESIDENT_TAG)
                    .set(RESIDENT_TAG.VALID_TO, now).set(RESIDENT_TAG.ENDED_BY, user.accountId())
                    .set(RESIDENT_TAG.ENDED_BY_NAME, user.displayName()).set(RESIDENT_TAG.END_REASON, why)
                    .where(RESIDENT_TAG.RESIDENT_ID.eq(ending.residentId()), RESIDENT_TAG.TAG_ID.eq(tag.id()),
                            current(now))
                    .execute();
        }
        if (ended > 0) {
            long townId = residents.values().iterator().next().getTownId();
            audit.recordAll(user, AuditAction.TAG_END, residents.values().stream().map(r -> AuditedObject.of(
                    "RESIDENT", r.getId(), r.getTownId(), r.getAreaPath())).toList(), ended + " ended");
            events.publishEvent(new ResidentsChanged(townId));
        }
        return ended;
    }

    /** The one "current tag" rule: no end, or an end still ahead. */
    public static Condition current(OffsetDateTime now) {
        return RESIDENT_TAG.VALID_TO.isNull().or(RESIDENT_TAG.VALID_TO.gt(now));
    }

    private List<LandedTag> insert(HaolinUser user, Collection<TagOrder> orders, Map<String, Tag> tags,
                                   Map<Long, ResidentRecord> residents, TagSource source, String sourceRef,
                                   OffsetDateTime now) {
        List<LandedTag> landed = new ArrayList<>(orders.size());
        List<Row12<Long, Long, String, Long, Long, OffsetDateTime, OffsetDateTime, String, String, Long, String,
                OffsetDateTime>> rows = new ArrayList<>();
        for (TagOrder order : orders) {
            ResidentRecord r = residents.get(order.residentId());
            Tag tag = tags.get(order.tagCode());
            OffsetDateTime from = order.validFrom() == null ? now : order.validFrom();
            OffsetDateTime to = order.validTo() == null ? tag.rule().endOfAttention(from) : order.validTo();
            if (to != null && !to.isAfter(from)) {
                throw DomainException.invalid("tag.validTo.past");
            }
            if (to != null && !to.isAfter(now)) {
                continue; // its attention period is already over: nothing left to watch
            }
            rows.add(row(r.getTownId(), r.getAreaId(), r.getAreaPath(), r.getId(), tag.id(), from, to, source.name(),
                    sourceRef, user.accountId(), user.displayName(), now));
            landed.add(new LandedTag(r.getId(), r.getAreaId(), r.getAreaPath(), r.getRoom(), tag.code(), tag.category()));
        }
        for (int i = 0; i < rows.size(); i += ROWS_PER_INSERT) {
            db.insertInto(RESIDENT_TAG, RESIDENT_TAG.TOWN_ID, RESIDENT_TAG.AREA_ID, RESIDENT_TAG.AREA_PATH,
                            RESIDENT_TAG.RESIDENT_ID, RESIDENT_TAG.TAG_ID, RESIDENT_TAG.VALID_FROM, RESIDENT_TAG.VALID_TO,
                            RESIDENT_TAG.SOURCE, RESIDENT_TAG.SOURCE_REF, RESIDENT_TAG.CREATED_BY,
                            RESIDENT_TAG.CREATED_BY_NAME, RESIDENT_TAG.CREATED_AT)
                    .valuesOfRows(rows.subList(i, Math.min(rows.size(), i + ROWS_PER_INSERT)))
                    .execute();
        }
        return landed;
    }

    /** The residents, all inside the person's scope for the permission and in one town, or nothing is done. */
    private Map<Long, ResidentRecord> editable(HaolinUser user, Permission permission, List<Long> ids) {
        Scope scope = scopes.of(user, permission);
        Map<Long, ResidentRecord> found = db.selectFrom(RESIDENT)
                .where(RESIDENT.ID.eq(any(ids.toArray(Long[]::new))), scope.on(RESIDENT.TOWN_ID, RESIDENT.AREA_PATH))
                .fetchMap(RESIDENT.ID);
        for (Long id : ids) {
            if (!found.containsKey(id)) {
                throw DomainException.notFound("resident.notFound", id);
            }
        }
        if (found.values().stream().map(ResidentRecord::getTownId).distinct().count() > 1) {
            throw DomainException.invalid("tag.batch.oneTown");
        }
        return found;
    }

    private Set<List<Long>> currentPairs(long townId, Set<Long> residentIds, OffsetDateTime now) {
        return db.select(RESIDENT_TAG.RESIDENT_ID, RESIDENT_TAG.TAG_ID).from(RESIDENT_TAG)
                .where(RESIDENT_TAG.TOWN_ID.eq(townId),
                        RESIDENT_TAG.RESIDENT_ID.eq(any(residentIds.toArray(Long[]::new))), current(now))
                .fetchSet(Record2::intoList).stream()
                .map(pair -> List.of((Long) pair.get(0), (Long) pair.get(1))).collect(Collectors.toSet());
    }

    private Map<String, Tag> activeTags() {
        return allTags().values().stream().filter(Tag::active)
                .collect(Collectors.toMap(Tag::code, Function.identity()));
    }

    private Map<String, Tag> allTags() {
        return db.selectFrom(TAG).fetch(Tag::from).stream().collect(Collectors.toMap(Tag::code, Function.identity()));
    }

    private static String summary(List<LandedTag> landed) {
        return landed.stream().collect(Collectors.groupingBy(LandedTag::tagCode, Collectors.counting())).toString();
    }
}
