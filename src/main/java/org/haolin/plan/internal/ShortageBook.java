package org.haolin.plan.internal;

import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.plan.Plans;
import org.haolin.plan.PostDemand;
import org.haolin.plan.PostsShortOfStaff;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.POST_SHORTAGE;

/**
 * Keeps a compound's rows of post_shortage current: the posts of its plan in force that need more people at its
 * current zone level than stand at them. Runs in the caller's transaction (a zone change, a publication), so the
 * flags are there the moment that change is committed. Posts that became short (or shorter) are announced.
 */
@Component
public class ShortageBook {

    private final DSLContext db;
    private final Plans plans;
    private final AreaTree areas;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ShortageBook(DSLContext db, Plans plans, AreaTree areas, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.plans = plans;
        this.areas = areas;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void recompute(long compoundId) {
        areas.find(compoundId).filter(a -> a.level() == AreaLevel.COMPOUND).ifPresent(this::recompute);
    }

    private void recompute(Area compound) {
        // one recompute per compound at a time (a publication racing a zone change): the later one waits and then
        // reads the level and plan the earlier one committed
        db.select(AREA.ID).from(AREA).where(AREA.ID.eq(compound.id())).forUpdate().execute();
        LocalDate today = LocalDate.now(clock);
        List<PostDemand> shortNow = plans.postsInForce(compound.townId(), compound.path(), today).stream()
                .filter(p -> p.compoundId() == compound.id() && p.peopleNeeded() > p.memberPersonIds().size())
                .toList();
        Map<Long, Integer> before = db.select(POST_SHORTAGE.POST_ID, POST_SHORTAGE.PEOPLE_NEEDED).from(POST_SHORTAGE)
                .where(POST_SHORTAGE.TOWN_ID.eq(compound.townId()), POST_SHORTAGE.AREA_ID.eq(compound.id()))
                .fetchMap(POST_SHORTAGE.POST_ID, POST_SHORTAGE.PEOPLE_NEEDED);
        db.deleteFrom(POST_SHORTAGE).where(POST_SHORTAGE.TOWN_ID.eq(compound.townId()),
                        POST_SHORTAGE.AREA_ID.eq(compound.id()), POST_SHORTAGE.POST_ID.notIn(shortNow.stream()
                                .map(PostDemand::postId).toList())).execute();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (PostDemand post : shortNow) {
            db.insertInto(POST_SHORTAGE)
                    .set(POST_SHORTAGE.TOWN_ID, compound.townId()).set(POST_SHORTAGE.AREA_ID, compound.id())
                    .set(POST_SHORTAGE.AREA_PATH, compound.path()).set(POST_SHORTAGE.POST_ID, post.postId())
                    .set(POST_SHORTAGE.ZONE_LEVEL, post.zoneLevel().name())
                    .set(POST_SHORTAGE.PEOPLE_NEEDED, post.peopleNeeded())
                    .set(POST_SHORTAGE.PEOPLE_ON, post.memberPersonIds().size())
                    .set(POST_SHORTAGE.FLAGGED_AT, now)
                    .onConflict(POST_SHORTAGE.POST_ID).doUpdate()
                    .set(POST_SHORTAGE.ZONE_LEVEL, post.zoneLevel().name())
                    .set(POST_SHORTAGE.PEOPLE_NEEDED, post.peopleNeeded())
                    .set(POST_SHORTAGE.PEOPLE_ON, post.memberPersonIds().size())
                    .execute();
        }
        boolean worse = shortNow.stream().anyMatch(p -> p.peopleNeeded() > before.getOrDefault(p.postId(), 0));
        if (worse) {
            events.publishEvent(new PostsShortOfStaff(compound.townId(), compound.id(), compound.path(),
                    compound.name(), shortNow.getFirst().zoneLevel(), shortNow.stream().map(p -> new PostsShortOfStaff.Post(
                    p.name(), p.peopleNeeded(), p.memberPersonIds().size())).toList()));
        }
    }
}
