package org.haolin.notify.internal;

import org.haolin.access.Accounts;
import org.haolin.access.Role;
import org.haolin.area.AreaTree;
import org.haolin.notify.NotificationKind;
import org.haolin.plan.PostsShortOfStaff;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Posts of a compound short of people tell the residential area's secretaries, directors and social workers (those
 * holding the role over the compound), in the inbox and over the outbound channels: the compound, the zone level and
 * each short post with people needed and on duty, with a link to the compound's plan.
 */
@Component
class PlanNotices {

    static final Set<Role> TOLD = Set.of(Role.AREA_SECRETARY, Role.AREA_DIRECTOR, Role.SOCIAL_WORKER);

    private final Accounts accounts;
    private final AreaTree areas;
    private final Places places;
    private final Notices notices;
    private final Outbox outbox;
    private final NotificationText text;

    PlanNotices(Accounts accounts, AreaTree areas, Places places, Notices notices, Outbox outbox,
                NotificationText text) {
        this.accounts = accounts;
        this.areas = areas;
        this.places = places;
        this.notices = notices;
        this.outbox = outbox;
        this.text = text;
    }

    @ApplicationModuleListener
    void on(PostsShortOfStaff found) {
        areas.find(found.compoundId()).ifPresent(compound -> {
            String place = places.name(compound);
            String link = "/plans/compounds/" + compound.id();
            String posts = found.posts().stream().map(p -> p.name() + " " + p.on() + "/" + p.needed())
                    .collect(Collectors.joining("; "));
            String level = text.outbound("zone." + found.level().name());
            Occasion occasion = new Occasion(found.townId(), compound.id(), compound.path(), NotificationKind.POSTS_SHORT,
                    link, text.outbound("plan.notice.out.subject", place, level),
                    text.outbound("plan.notice.out", place, level, posts, notices.absolute(link)), false);
            List<TextArg> args = List.of(TextArg.plain(place), TextArg.key("zone." + found.level().name()),
                    TextArg.plain(posts));
            notices.tell(occasion, Occasion.Recipient.each(accounts.holders(found.townId(), compound.path(), TOLD),
                    "plan.notice.short", args),
                    outbox.webhooks(found.townId()));
        });
    }
}
