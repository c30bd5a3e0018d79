package org.haolin.notify.internal;

import org.haolin.access.Accounts;
import org.haolin.access.Holder;
import org.haolin.access.Role;
import org.haolin.area.AreaTree;
import org.haolin.area.ZoneLevelChanged;
import org.haolin.notify.NotificationKind;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * When a compound's or building's zone level changes, tells the people at work there: building leaders,
 * social workers, secretaries and directors whose area contains it or lies inside it. The reason is for
 * them in the app; outbound channels get the place, the levels and a link.
 */
@Component
class ZoneNotices {

    static final Set<Role> TOLD = Set.of(Role.BUILDING_LEADER, Role.SOCIAL_WORKER, Role.AREA_SECRETARY,
            Role.AREA_DIRECTOR);

    private final Accounts accounts;
    private final AreaTree areas;
    private final Places places;
    private final Notices notices;
    private final Outbox outbox;
    private final NotificationText text;

    ZoneNotices(Accounts accounts, AreaTree areas, Places places, Notices notices, Outbox outbox,
                NotificationText text) {
        this.accounts = accounts;
        this.areas = areas;
        this.places = places;
        this.notices = notices;
        this.outbox = outbox;
        this.text = text;
    }

    @ApplicationModuleListener
    void on(ZoneLevelChanged changed) {
        areas.find(changed.areaId()).ifPresent(area -> {
            String place = places.name(area);
            String link = Places.link(area);
            String to = text.outbound("zone." + changed.to().name());
            String from = text.outbound("zone." + changed.from().name());
            Occasion occasion = new Occasion(changed.townId(), area.id(), area.path(),
                    NotificationKind.ZONE_LEVEL_CHANGED, link, text.outbound("notify.out.zoneChanged.subject", place, to),
                    text.outbound("notify.out.zoneChanged", place, to, from, notices.absolute(link)), true);
            List<Holder> told = accounts.holdersAround(changed.townId(), area.path(), TOLD).stream()
                    .filter(h -> h.accountId() != changed.changedBy()).toList();
            List<TextArg> args = List.of(TextArg.plain(place), TextArg.key("zone." + changed.to().name()),
                    TextArg.key("zone." + changed.from().name()), TextArg.plain(changed.reason()));
            notices.tell(occasion, Occasion.Recipient.each(told, "notify.zoneChanged", args),
                    outbox.webhooks(changed.townId()));
        });
    }
}
