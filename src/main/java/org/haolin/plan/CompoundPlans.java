package org.haolin.plan;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.ZoneLevel;
import org.haolin.plan.internal.PlanAccess;
import org.haolin.plan.internal.PlanStore;
import org.haolin.plan.internal.ShortageBook;
import org.haolin.platform.DomainException;
import org.haolin.workforce.Worker;
import org.haolin.workforce.Workforce;
import org.jooq.DSLContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.COMPOUND_PLAN;
import static haolin.schema.Tables.POST_SHORTAGE;
import static org.jooq.impl.DSL.count;

/**
 * One compound, one plan (一小区一方案): a compound's plan versions, read and changed. A new version starts as a
 * copy of the latest; only a draft is edited, one at a time, each change checked against the version the person
 * saw; publishing gives it the day it takes effect, after the previous one's. Published versions never change.
 */
@Service
public class CompoundPlans {

    private static final int NOTE_MAX = 1000;

    private final DSLContext db;
    private final PlanStore store;
    private final PlanAccess access;
    private final ShortageBook shortages;
    private final Workforce workforce;
    private final AuditTrail audit;
    private final Clock clock;

    CompoundPlans(DSLContext db, PlanStore store, PlanAccess access, ShortageBook shortages, Workforce workforce,
                  AuditTrail audit, Clock clock) {
        this.db = db;
        this.store = store;
        this.access = access;
        this.shortages = shortages;
        this.workforce = workforce;
        this.audit = audit;
        this.clock = clock;
    }

    /** The compounds the person may read plans of, by path, with plan in force and short posts (fresh: not lagging). */
    @Transactional
    public List<CompoundSummary> compounds(HaolinUser user) {
        var compounds = db.selectFrom(AREA)
                .where(AREA.LEVEL.eq(AreaLevel.COMPOUND.name()), access.readable(user, AREA.TOWN_ID, AREA.PATH))
                .orderBy(AREA.PATH).fetch();
        Map<Long, PlanVersion> inForce = store.inForce(access.readable(user, COMPOUND_PLAN.TOWN_ID,
                COMPOUND_PLAN.AREA_PATH), today());
        Set<Long> drafts = new HashSet<>(db.select(COMPOUND_PLAN.AREA_ID).from(COMPOUND_PLAN)
                .where(COMPOUND_PLAN.STATE.eq(PlanState.DRAFT.name()),
                        access.readable(user, COMPOUND_PLAN.TOWN_ID, COMPOUND_PLAN.AREA_PATH))
                .fetch(COMPOUND_PLAN.AREA_ID));
        Map<Long, Integer> shortCounts = db.select(POST_SHORTAGE.AREA_ID, count()).from(POST_SHORTAGE)
                .where(access.readable(user, POST_SHORTAGE.TOWN_ID, POST_SHORTAGE.AREA_PATH))
                .groupBy(POST_SHORTAGE.AREA_ID).fetchMap(r -> r.value1(), r -> r.value2());
        return compounds.map(c -> {
            PlanVersion plan = inForce.get(c.getId());
            return new CompoundSummary(c.getId(), c.getName(), ZoneLevel.valueOf(c.getZoneLevel()),
                    plan == null ? null : plan.versionNo(), plan == null ? null : plan.effectiveFrom(),
                    drafts.contains(c.getId()), shortCounts.getOrDefault(c.getId(), 0));
        });
    }

    /** One compound's plan: read right after a change, so it is not marked as a read a replica may serve. */
    @Transactional
    public CompoundPlanPage compound(HaolinUser user, long compoundId) {
        Area compound = access.readableCompound(user, compoundId);
        List<PlanVersion> history = store.versions(compoundId);
        PlanVersion inForce = store.inForce(COMPOUND_PLAN.AREA_ID.eq(compoundId), today()).get(compoundId);
        PlanVersion draft = history.stream().filter(PlanVersion::draft).findFirst().orElse(null);
        Set<Long> shortIds = new HashSet<>(db.select(POST_SHORTAGE.POST_ID).from(POST_SHORTAGE)
                .where(POST_SHORTAGE.TOWN_ID.eq(compound.townId()), POST_SHORTAGE.AREA_ID.eq(compoundId))
                .fetch(POST_SHORTAGE.POST_ID));
        return new CompoundPlanPage(compound, inForce == null ? null : store.withPosts(inForce),
                draft == null ? null : store.withPosts(draft), history, shortIds,
                access.mayChange(user, compound.path()));
    }

    /** One version with its posts, for whoever may read its compound's plans. */
    @Transactional
    public PlanVersion plan(HaolinUser user, long planId) {
        PlanVersion plan = store.version(planId).filter(p -> access.mayRead(user, p.compoundPath()))
                .orElseThrow(() -> DomainException.notFound("plan.notFound", planId));
        return store.withPosts(plan);
    }

    /** A version for printing: the same as reading it, and the print is recorded. */
    @Transactional
    public PlanVersion print(HaolinUser user, long planId) {
        PlanVersion plan = plan(user, planId);
        audit.record(user, AuditAction.PLAN, object(plan), "printed v" + plan.versionNo());
        return plan;
    }

    /** A draft the person may edit, with its posts (a published version or another's compound is refused). */
    @Transactional
    public PlanVersion draft(HaolinUser user, long planId) {
        PlanVersion plan = changeable(user, planId);
        if (!plan.draft()) {
            throw DomainException.conflict("plan.published.locked", plan.versionNo());
        }
        return store.withPosts(plan);
    }

    public List<PostType> postTypes() {
        return store.postTypes();
    }

    /** The people who may be named on the compound's posts: its residential area's workforce and the town's cadres. */
    @Transactional(readOnly = true)
    public List<Worker> people(PlanVersion plan) {
        return workforce.rotaPool(plan.townId(), PlanAccess.residentialAreaPath(plan.compoundPath()));
    }

    /** Starts the next version as a copy of the latest one (posts, staffing, members); one draft at a time. */
    @Transactional
    public long newVersion(HaolinUser user, long compoundId) {
        Area compound = access.changeableCompound(user, compoundId);
        if (store.hasDraft(compoundId)) {
            throw DomainException.conflict("plan.draft.exists");
        }
        List<PlanVersion> versions = store.versions(compoundId);
        try {
            long id = store.insertDraft(compound, user.displayName(), OffsetDateTime.now(clock));
            if (!versions.isEmpty()) {
                store.copyPosts(versions.getFirst(), id);
            }
            audit.record(user, AuditAction.PLAN, AuditedObject.of("COMPOUND_PLAN", id, compound.townId(),
                    compound.path()), versions.isEmpty() ? "new plan" : "new version of v" + versions.getFirst().versionNo());
            return id;
        } catch (DuplicateKeyException raced) {
            throw DomainException.conflict("plan.draft.exists");
        }
    }

    @Transactional
    public void saveNote(HaolinUser user, long planId, int version, String note) {
        PlanVersion plan = touched(user, planId, version);
        String clean = note == null || note.isBlank() ? null : note.strip();
        if (clean != null && clean.length() > NOTE_MAX) {
            throw DomainException.invalid("plan.note.tooLong", NOTE_MAX);
        }
        store.setNote(planId, clean);
        audit.record(user, AuditAction.PLAN, object(plan), "note");
    }

    @Transactional
    public long addPost(HaolinUser user, long planId, int version, PostForm form) {
        PlanVersion plan = touched(user, planId, version);
        PostForm.Checked post = checked(plan, form, null);
        long id = store.insertPost(plan, planId, post);
        audit.record(user, AuditAction.PLAN, object(plan), "post added: " + post.name());
        return id;
    }

    @Transactional
    public void changePost(HaolinUser user, long planId, long postId, int version, PostForm form) {
        PlanVersion plan = touched(user, planId, version);
        PostForm.Checked post = checked(plan, form, postId);
        if (!store.updatePost(plan, postId, post)) {
            throw DomainException.notFound("plan.post.notFound", postId);
        }
        audit.record(user, AuditAction.PLAN, object(plan), "post changed: " + post.name());
    }

    @Transactional
    public void removePost(HaolinUser user, long planId, long postId, int version) {
        PlanVersion plan = touched(user, planId, version);
        if (!store.deletePost(plan, postId)) {
            throw DomainException.notFound("plan.post.notFound", postId);
        }
        audit.record(user, AuditAction.PLAN, object(plan), "post removed: " + postId);
    }

    /**
     * Publishes a draft from a day on (today or later, after the previous version's day). Every post must have its
     * point leader. The compound's short posts are recomputed at once: the version may be in force from today.
     */
    @Transactional
    public void publish(HaolinUser user, long planId, int version, LocalDate effectiveFrom) {
        PlanVersion plan = store.withPosts(editable(user, planId, version));
        checkPublishable(plan, effectiveFrom);
        try {
            if (!store.publish(planId, version, effectiveFrom, OffsetDateTime.now(clock))) {
                throw DomainException.conflict("plan.stale");
            }
        } catch (DuplicateKeyException raced) {
            throw DomainException.conflict("plan.stale");
        }
        audit.record(user, AuditAction.PLAN, object(plan), "published v" + plan.versionNo() + " from " + effectiveFrom);
        shortages.recompute(plan.compoundId());
    }

    private void checkPublishable(PlanVersion plan, LocalDate effectiveFrom) {
        if (effectiveFrom == null) {
            throw DomainException.invalid("plan.publish.date.required");
        }
        if (effectiveFrom.isBefore(today())) {
            throw DomainException.invalid("plan.publish.date.past");
        }
        store.lastEffective(plan.compoundId()).filter(last -> !effectiveFrom.isAfter(last)).ifPresent(last -> {
            throw DomainException.invalid("plan.publish.date.notAfter", last.toString());
        });
        if (plan.posts().isEmpty()) {
            throw DomainException.invalid("plan.publish.empty");
        }
        plan.posts().stream().filter(p -> p.leader() == null).findFirst().ifPresent(p -> {
            throw DomainException.invalid("plan.publish.leaderMissing", p.name());
        });
    }

    private PostForm.Checked checked(PlanVersion plan, PostForm form, Long postId) {
        PostForm.Checked post = form.checked();
        if (store.postTypes().stream().noneMatch(t -> t.code().equals(post.typeCode()))) {
            throw DomainException.invalid("plan.post.type.required");
        }
        if (store.nameTaken(plan.id(), post.name(), postId)) {
            throw DomainException.invalid("plan.post.name.taken", post.name());
        }
        Set<Long> people = new HashSet<>(people(plan).stream().map(Worker::personId).toList());
        if (post.leaderPersonId() != null && !people.contains(post.leaderPersonId())) {
            throw DomainException.invalid("plan.post.leader.invalid");
        }
        if (!people.containsAll(post.members())) {
            throw DomainException.invalid("plan.post.members.invalid");
        }
        return post;
    }

    /** The draft after moving it on one version: refused when it is published or someone changed it meanwhile. */
    private PlanVersion touched(HaolinUser user, long planId, int version) {
        PlanVersion plan = editable(user, planId, version);
        if (!store.touchDraft(planId, version)) {
            throw DomainException.conflict("plan.stale");
        }
        return plan;
    }

    private PlanVersion editable(HaolinUser user, long planId, int version) {
        PlanVersion plan = changeable(user, planId);
        if (!plan.draft()) {
            throw DomainException.conflict("plan.published.locked", plan.versionNo());
        }
        if (plan.version() != version) {
            throw DomainException.conflict("plan.stale");
        }
        return plan;
    }

    private PlanVersion changeable(HaolinUser user, long planId) {
        PlanVersion plan = store.version(planId).filter(p -> access.mayRead(user, p.compoundPath()))
                .orElseThrow(() -> DomainException.notFound("plan.notFound", planId));
        access.requireChange(user, plan.compoundPath());
        return plan;
    }

    private static AuditedObject object(PlanVersion plan) {
        return AuditedObject.of("COMPOUND_PLAN", plan.id(), plan.townId(), plan.compoundPath());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
