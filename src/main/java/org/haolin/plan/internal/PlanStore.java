package org.haolin.plan.internal;

import haolin.schema.tables.records.CompoundPlanRecord;
import org.haolin.area.Area;
import org.haolin.area.ZoneLevel;
import org.haolin.plan.PlanPost;
import org.haolin.plan.PlanState;
import org.haolin.plan.PlanVersion;
import org.haolin.plan.PostForm;
import org.haolin.plan.PostPerson;
import org.haolin.plan.PostType;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.COMPOUND_PLAN;
import static haolin.schema.Tables.PLAN_POST;
import static haolin.schema.Tables.PLAN_POST_MEMBER;
import static haolin.schema.Tables.PLAN_POST_STAFFING;
import static haolin.schema.Tables.POST_TYPE;
import static haolin.schema.Tables.WORKFORCE_PERSON;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.trueCondition;

/** The plan tables: versions, their posts with staffing and members. Callers have checked scope and state. */
@Component
public class PlanStore {

    private final DSLContext db;

    PlanStore(DSLContext db) {
        this.db = db;
    }

    public List<PostType> postTypes() {
        return db.select(POST_TYPE.CODE, POST_TYPE.NAME_ZH, POST_TYPE.NAME_EN).from(POST_TYPE)
                .where(POST_TYPE.ACTIVE.isTrue()).orderBy(POST_TYPE.SORT_KEY)
                .fetch(r -> new PostType(r.value1(), r.value2(), r.value3()));
    }

    public Optional<PlanVersion> version(long planId) {
        return db.select(COMPOUND_PLAN.asterisk(), AREA.NAME).from(COMPOUND_PLAN)
                .join(AREA).on(AREA.ID.eq(COMPOUND_PLAN.AREA_ID))
                .where(COMPOUND_PLAN.ID.eq(planId)).fetchOptional(r -> heading(r, List.of()));
    }

    /** A compound's versions, newest first, headings only. */
    public List<PlanVersion> versions(long compoundId) {
        return db.select(COMPOUND_PLAN.asterisk(), AREA.NAME).from(COMPOUND_PLAN)
                .join(AREA).on(AREA.ID.eq(COMPOUND_PLAN.AREA_ID))
                .where(COMPOUND_PLAN.AREA_ID.eq(compoundId)).orderBy(COMPOUND_PLAN.VERSION_NO.desc())
                .fetch(r -> heading(r, List.of()));
    }

    /** The plans in force on a day among those matching a condition (the reader's scope), by compound id. */
    public Map<Long, PlanVersion> inForce(Condition where, LocalDate day) {
        return db.select(COMPOUND_PLAN.asterisk(), AREA.NAME).from(COMPOUND_PLAN)
                .join(AREA).on(AREA.ID.eq(COMPOUND_PLAN.AREA_ID))
                .where(where, InForce.on(COMPOUND_PLAN, day))
                .fetchMap(COMPOUND_PLAN.AREA_ID, r -> heading(r, List.of()));
    }

    public Optional<LocalDate> lastEffective(long compoundId) {
        return db.select(max(COMPOUND_PLAN.EFFECTIVE_FROM)).from(COMPOUND_PLAN)
                .where(COMPOUND_PLAN.AREA_ID.eq(compoundId), COMPOUND_PLAN.STATE.eq("PUBLISHED"))
                .fetchOptional(r -> r.value1());
    }

    /** The version with its posts, in the order they were given. */
    public PlanVersion withPosts(PlanVersion plan) {
        var rows = db.select(PLAN_POST.asterisk(), POST_TYPE.NAME_ZH, POST_TYPE.NAME_EN, WORKFORCE_PERSON.NAME)
                .from(PLAN_POST).join(POST_TYPE).on(POST_TYPE.CODE.eq(PLAN_POST.TYPE_CODE))
                .leftJoin(WORKFORCE_PERSON).on(WORKFORCE_PERSON.ID.eq(PLAN_POST.LEADER_PERSON_ID))
                .where(PLAN_POST.TOWN_ID.eq(plan.townId()), PLAN_POST.PLAN_ID.eq(plan.id()))
                .orderBy(PLAN_POST.SORT_KEY, PLAN_POST.ID).fetch();
        List<Long> ids = rows.map(r -> r.get(PLAN_POST.ID));
        Map<Long, Map<ZoneLevel, Integer>> staffing = staffing(plan.townId(), ids);
        Map<Long, List<PostPerson>> members = members(plan.townId(), ids);
        return plan.withPosts(rows.map(r -> post(r, staffing, members)));
    }

    private static PlanPost post(Record r, Map<Long, Map<ZoneLevel, Integer>> staffing,
                                 Map<Long, List<PostPerson>> members) {
        long id = r.get(PLAN_POST.ID);
        Long leader = r.get(PLAN_POST.LEADER_PERSON_ID);
        return new PlanPost(id, new PostType(r.get(PLAN_POST.TYPE_CODE), r.get(POST_TYPE.NAME_ZH),
                r.get(POST_TYPE.NAME_EN)), r.get(PLAN_POST.NAME), r.get(PLAN_POST.PLACE), r.get(PLAN_POST.DUTIES),
                leader == null ? null : new PostPerson(leader, r.get(WORKFORCE_PERSON.NAME)),
                r.get(PLAN_POST.SHIFT_START), r.get(PLAN_POST.SHIFT_END),
                staffing.getOrDefault(id, Map.of()), members.getOrDefault(id, List.of()));
    }

    private Map<Long, Map<ZoneLevel, Integer>> staffing(long townId, Collection<Long> postIds) {
        Map<Long, Map<ZoneLevel, Integer>> staffing = new LinkedHashMap<>();
        db.selectFrom(PLAN_POST_STAFFING)
                .where(PLAN_POST_STAFFING.TOWN_ID.eq(townId), PLAN_POST_STAFFING.POST_ID.in(postIds))
                .forEach(r -> staffing.computeIfAbsent(r.getPostId(), id -> new EnumMap<>(ZoneLevel.class))
                        .put(ZoneLevel.valueOf(r.getZoneLevel()), r.getPeopleNeeded()));
        return staffing;
    }

    private Map<Long, List<PostPerson>> members(long townId, Collection<Long> postIds) {
        return db.select(PLAN_POST_MEMBER.POST_ID, WORKFORCE_PERSON.ID, WORKFORCE_PERSON.NAME).from(PLAN_POST_MEMBER)
                .join(WORKFORCE_PERSON).on(WORKFORCE_PERSON.ID.eq(PLAN_POST_MEMBER.PERSON_ID))
                .where(PLAN_POST_MEMBER.TOWN_ID.eq(townId), PLAN_POST_MEMBER.POST_ID.in(postIds))
                .orderBy(WORKFORCE_PERSON.NAME, WORKFORCE_PERSON.ID)
                .fetchGroups(PLAN_POST_MEMBER.POST_ID, r -> new PostPerson(r.value2(), r.value3()));
    }

    /** A new draft numbered after the compound's latest version. */
    public long insertDraft(Area compound, String createdByName, OffsetDateTime now) {
        int next = db.select(max(COMPOUND_PLAN.VERSION_NO)).from(COMPOUND_PLAN)
                .where(COMPOUND_PLAN.AREA_ID.eq(compound.id())).fetchOptional(r -> r.value1()).orElse(0) + 1;
        return db.insertInto(COMPOUND_PLAN)
                .set(COMPOUND_PLAN.TOWN_ID, compound.townId()).set(COMPOUND_PLAN.AREA_ID, compound.id())
                .set(COMPOUND_PLAN.AREA_PATH, compound.path()).set(COMPOUND_PLAN.VERSION_NO, next)
                .set(COMPOUND_PLAN.CREATED_BY_NAME, createdByName).set(COMPOUND_PLAN.CREATED_AT, now)
                .returning(COMPOUND_PLAN.ID).fetchOne().getId();
    }

    /** Copies the posts of one version into another, with their staffing and members. */
    public void copyPosts(PlanVersion from, long toPlanId) {
        for (PlanPost post : withPosts(from).posts()) {
            insertPost(from, toPlanId, new PostForm.Checked(post.type().code(), post.name(), post.place(),
                    post.duties(), post.leader() == null ? null : post.leader().personId(), post.shiftStart(),
                    post.shiftEnd(), post.staffing(), post.members().stream().map(PostPerson::personId)
                    .collect(Collectors.toSet())));
        }
    }

    public long insertPost(PlanVersion plan, long planId, PostForm.Checked post) {
        int sortKey = db.select(max(PLAN_POST.SORT_KEY)).from(PLAN_POST).where(PLAN_POST.PLAN_ID.eq(planId))
                .fetchOptional(r -> r.value1()).map(k -> k + 1).orElse(1);
        long id = db.insertInto(PLAN_POST)
                .set(PLAN_POST.TOWN_ID, plan.townId()).set(PLAN_POST.AREA_ID, plan.compoundId())
                .set(PLAN_POST.AREA_PATH, plan.compoundPath()).set(PLAN_POST.PLAN_ID, planId)
                .set(PLAN_POST.SORT_KEY, sortKey).set(fields(post))
                .returning(PLAN_POST.ID).fetchOne().getId();
        writeStaffingAndMembers(plan, id, post);
        return id;
    }

    public boolean updatePost(PlanVersion plan, long postId, PostForm.Checked post) {
        int changed = db.update(PLAN_POST).set(fields(post))
                .where(PLAN_POST.ID.eq(postId), PLAN_POST.PLAN_ID.eq(plan.id())).execute();
        if (changed == 0) {
            return false;
        }
        clearStaffingAndMembers(plan.townId(), postId);
        writeStaffingAndMembers(plan, postId, post);
        return true;
    }

    public boolean deletePost(PlanVersion plan, long postId) {
        clearStaffingAndMembers(plan.townId(), postId);
        return db.deleteFrom(PLAN_POST).where(PLAN_POST.ID.eq(postId), PLAN_POST.PLAN_ID.eq(plan.id())).execute() > 0;
    }

    public boolean nameTaken(long planId, String name, Long exceptPostId) {
        return db.fetchExists(PLAN_POST, PLAN_POST.PLAN_ID.eq(planId), PLAN_POST.NAME.eq(name),
                exceptPostId == null ? trueCondition() : PLAN_POST.ID.ne(exceptPostId));
    }

    /** Moves a draft on one version (optimistic check); false when it is not a draft at that version. */
    public boolean touchDraft(long planId, int expectedVersion) {
        return db.update(COMPOUND_PLAN).set(COMPOUND_PLAN.VERSION, COMPOUND_PLAN.VERSION.plus(1))
                .where(COMPOUND_PLAN.ID.eq(planId), COMPOUND_PLAN.VERSION.eq(expectedVersion),
                        COMPOUND_PLAN.STATE.eq(PlanState.DRAFT.name())).execute() == 1;
    }

    public void setNote(long planId, String note) {
        db.update(COMPOUND_PLAN).set(COMPOUND_PLAN.NOTE, note).where(COMPOUND_PLAN.ID.eq(planId)).execute();
    }

    public boolean publish(long planId, int expectedVersion, LocalDate effectiveFrom, OffsetDateTime now) {
        return db.update(COMPOUND_PLAN).set(COMPOUND_PLAN.STATE, PlanState.PUBLISHED.name())
                .set(COMPOUND_PLAN.EFFECTIVE_FROM, effectiveFrom).set(COMPOUND_PLAN.PUBLISHED_AT, now)
                .set(COMPOUND_PLAN.VERSION, COMPOUND_PLAN.VERSION.plus(1))
                .where(COMPOUND_PLAN.ID.eq(planId), COMPOUND_PLAN.VERSION.eq(expectedVersion),
                        COMPOUND_PLAN.STATE.eq(PlanState.DRAFT.name())).execute() == 1;
    }

    public boolean hasDraft(long compoundId) {
        return db.fetchExists(COMPOUND_PLAN, COMPOUND_PLAN.AREA_ID.eq(compoundId),
                COMPOUND_PLAN.STATE.eq(PlanState.DRAFT.name()));
    }

    private static Map<Field<?>, Object> fields(PostForm.Checked post) {
        Map<Field<?>, Object> fields = new LinkedHashMap<>();
        fields.put(PLAN_POST.TYPE_CODE, post.typeCode());
        fields.put(PLAN_POST.NAME, post.name());
        fields.put(PLAN_POST.PLACE, post.place());
        fields.put(PLAN_POST.DUTIES, post.duties());
        fields.put(PLAN_POST.LEADER_PERSON_ID, post.leaderPersonId());
        fields.put(PLAN_POST.SHIFT_START, post.shiftStart());
        fields.put(PLAN_POST.SHIFT_END, post.shiftEnd());
        return fields;
    }

    private void clearStaffingAndMembers(long townId, long postId) {
        db.deleteFrom(PLAN_POST_STAFFING).where(PLAN_POST_STAFFING.TOWN_ID.eq(townId),
                PLAN_POST_STAFFING.POST_ID.eq(postId)).execute();
        db.deleteFrom(PLAN_POST_MEMBER).where(PLAN_POST_MEMBER.TOWN_ID.eq(townId),
                PLAN_POST_MEMBER.POST_ID.eq(postId)).execute();
    }

    private void writeStaffingAndMembers(PlanVersion plan, long postId, PostForm.Checked post) {
        if (!post.staffing().isEmpty()) {
            var staffing = db.insertInto(PLAN_POST_STAFFING, PLAN_POST_STAFFING.TOWN_ID, PLAN_POST_STAFFING.POST_ID,
                    PLAN_POST_STAFFING.ZONE_LEVEL, PLAN_POST_STAFFING.PEOPLE_NEEDED);
            for (var level : post.staffing().entrySet()) {
                staffing = staffing.values(plan.townId(), postId, level.getKey().name(), level.getValue());
            }
            staffing.execute();
        }
        if (!post.members().isEmpty()) {
            var members = db.insertInto(PLAN_POST_MEMBER, PLAN_POST_MEMBER.TOWN_ID, PLAN_POST_MEMBER.AREA_ID,
                    PLAN_POST_MEMBER.AREA_PATH, PLAN_POST_MEMBER.POST_ID, PLAN_POST_MEMBER.PERSON_ID);
            for (long person : post.members()) {
                members = members.values(plan.townId(), plan.compoundId(), plan.compoundPath(), postId, person);
            }
            members.execute();
        }
    }

    private static PlanVersion heading(Record r, List<PlanPost> posts) {
        CompoundPlanRecord plan = r.into(COMPOUND_PLAN);
        return new PlanVersion(plan.getId(), plan.getTownId(), plan.getAreaId(), plan.getAreaPath(), r.get(AREA.NAME),
                plan.getVersionNo(), PlanState.valueOf(plan.getState()), plan.getEffectiveFrom(), plan.getNote(),
                plan.getCreatedByName(), plan.getCreatedAt(), plan.getPublishedAt(), plan.getVersion(), posts);
    }
}
