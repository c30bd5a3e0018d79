package org.haolin.plan;

import org.haolin.area.ZoneLevel;
import org.haolin.plan.internal.InForce;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.COMPOUND_PLAN;
import static haolin.schema.Tables.PLAN_POST;
import static haolin.schema.Tables.PLAN_POST_MEMBER;
import static haolin.schema.Tables.PLAN_POST_STAFFING;

/** The plans facade other modules use: the duty posts in force and what they need today. */
@Service
public class Plans {

    private final DSLContext db;

    Plans(DSLContext db) {
        this.db = db;
    }

    /**
     * The posts of the plans in force on a day for the compounds inside an area (a path prefix) of a town, each
     * with the staffing of its compound's current zone level.
     */
    @Transactional(readOnly = true)
    public List<PostDemand> postsInForce(long townId, String areaPath, LocalDate day) {
        var posts = db.select(PLAN_POST.ID, PLAN_POST.NAME, PLAN_POST.TYPE_CODE, PLAN_POST.SHIFT_START,
                        PLAN_POST.SHIFT_END, AREA.ID, AREA.PATH, AREA.NAME, AREA.ZONE_LEVEL,
                        PLAN_POST_STAFFING.PEOPLE_NEEDED)
                .from(COMPOUND_PLAN)
                .join(PLAN_POST).on(PLAN_POST.PLAN_ID.eq(COMPOUND_PLAN.ID))
                .join(AREA).on(AREA.ID.eq(COMPOUND_PLAN.AREA_ID))
                .leftJoin(PLAN_POST_STAFFING).on(PLAN_POST_STAFFING.POST_ID.eq(PLAN_POST.ID),
                        PLAN_POST_STAFFING.ZONE_LEVEL.eq(AREA.ZONE_LEVEL))
                .where(COMPOUND_PLAN.TOWN_ID.eq(townId), COMPOUND_PLAN.AREA_PATH.startsWith(areaPath),
                        InForce.on(COMPOUND_PLAN, day))
                .orderBy(AREA.PATH, PLAN_POST.SORT_KEY, PLAN_POST.ID)
                .fetch();
        Map<Long, List<Long>> members = db.select(PLAN_POST_MEMBER.POST_ID, PLAN_POST_MEMBER.PERSON_ID)
                .from(PLAN_POST_MEMBER)
                .where(PLAN_POST_MEMBER.TOWN_ID.eq(townId), PLAN_POST_MEMBER.POST_ID.in(posts.map(r -> r.get(PLAN_POST.ID))))
                .orderBy(PLAN_POST_MEMBER.PERSON_ID)
                .fetchGroups(PLAN_POST_MEMBER.POST_ID, PLAN_POST_MEMBER.PERSON_ID);
        return posts.map(r -> new PostDemand(r.get(PLAN_POST.ID), townId, r.get(AREA.ID), r.get(AREA.PATH),
                r.get(AREA.NAME), r.get(PLAN_POST.NAME), r.get(PLAN_POST.TYPE_CODE), r.get(PLAN_POST.SHIFT_START),
                r.get(PLAN_POST.SHIFT_END), ZoneLevel.valueOf(r.get(AREA.ZONE_LEVEL)),
                r.get(PLAN_POST_STAFFING.PEOPLE_NEEDED) == null ? 0 : r.get(PLAN_POST_STAFFING.PEOPLE_NEEDED),
                members.getOrDefault(r.get(PLAN_POST.ID), List.of())));
    }
}
