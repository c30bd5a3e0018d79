package org.haolin.plan;

import org.haolin.access.HaolinUser;
import org.haolin.area.ZoneLevel;
import org.haolin.plan.internal.PlanAccess;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.PLAN_POST;
import static haolin.schema.Tables.POST_SHORTAGE;

/**
 * Posts short of staff for the cockpit and the shortages API: read from the post_shortage rollup (kept current by
 * every publication and zone change), within the reader's scope.
 */
@Service
public class PostShortages {

    private final DSLContext db;
    private final PlanAccess access;

    PostShortages(DSLContext db, PlanAccess access) {
        this.db = db;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public ShortPosts inScope(HaolinUser user) {
        var compound = AREA.as("compound");
        var residential = AREA.as("residential");
        List<ShortPost> posts = db.select(residential.ID, residential.NAME, compound.ID, compound.NAME, PLAN_POST.ID,
                        PLAN_POST.NAME, POST_SHORTAGE.PEOPLE_NEEDED, POST_SHORTAGE.PEOPLE_ON, POST_SHORTAGE.ZONE_LEVEL)
                .from(POST_SHORTAGE)
                .join(PLAN_POST).on(PLAN_POST.ID.eq(POST_SHORTAGE.POST_ID))
                .join(compound).on(compound.ID.eq(POST_SHORTAGE.AREA_ID))
                .join(residential).on(residential.ID.eq(compound.PARENT_ID))
                .where(access.readable(user, POST_SHORTAGE.TOWN_ID, POST_SHORTAGE.AREA_PATH))
                .orderBy(POST_SHORTAGE.AREA_PATH, PLAN_POST.SORT_KEY, PLAN_POST.ID)
                .fetch(r -> new ShortPost(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), ZoneLevel.valueOf(r.value9())));
        Map<Long, ShortPosts.AreaCount> perArea = new LinkedHashMap<>();
        for (ShortPost post : posts) {
            perArea.merge(post.residentialAreaId(), new ShortPosts.AreaCount(post.residentialAreaId(),
                    post.residentialAreaName(), 1), (a, b) -> new ShortPosts.AreaCount(a.residentialAreaId(),
                    a.residentialAreaName(), a.shortPosts() + 1));
        }
        return new ShortPosts(List.copyOf(perArea.values()), posts);
    }
}
