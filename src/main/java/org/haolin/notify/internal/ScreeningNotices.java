package org.haolin.notify.internal;

import org.haolin.access.Accounts;
import org.haolin.access.Holder;
import org.haolin.access.Role;
import org.haolin.area.Area;
import org.haolin.area.AreaTree;
import org.haolin.notify.NotificationKind;
import org.haolin.screening.PositiveTubeFound;
import org.haolin.screening.PositiveTubes;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A positive tube tells the building leaders, social workers and secretaries over each stairwell its people
 * were scanned for, in the inbox and over the outbound channels: the place, the tube code, how many people
 * and a link to the tracing list. Never names or rooms: those are behind the link, under the reader's scope.
 */
@Component
class ScreeningNotices {

    static final Set<Role> TOLD = Set.of(Role.BUILDING_LEADER, Role.SOCIAL_WORKER, Role.AREA_SECRETARY);

    private final Accounts accounts;
    private final AreaTree areas;
    private final PositiveTubes positives;
    private final Places places;
    private final Notices notices;
    private final Outbox outbox;
    private final NotificationText text;

    ScreeningNotices(Accounts accounts, AreaTree areas, PositiveTubes positives, Places places, Notices notices,
                     Outbox outbox, NotificationText text) {
        this.accounts = accounts;
        this.areas = areas;
        this.positives = positives;
        this.places = places;
        this.notices = notices;
        this.outbox = outbox;
        this.text = text;
    }

    @ApplicationModuleListener
    void on(PositiveTubeFound found) {
        if (found.stairwellAreaIds().isEmpty()) {
            return;
        }
        Map<Long, Integer> counts = positives.peopleByStairwell(found.townId(), found.campaignId(), found.tubeId());
        Map<Long, Area> stairwells = areas.findAll(found.stairwellAreaIds());
        Map<Long, String> names = places.names(stairwells.values());
        List<Holder> holders = accounts.holders(found.townId(), stairwells.values().stream().map(Area::path).toList(),
                TOLD);
        String link = "/campaigns/" + found.campaignId() + "/positives";
        List<Notices.Told> told = new ArrayList<>();
        for (Long id : found.stairwellAreaIds()) {
            Area stairwell = stairwells.get(id);
            if (stairwell != null) {
                told.add(told(found, stairwell, names.get(id), counts.getOrDefault(id, 0), link, holders));
            }
        }
        notices.tellAll(told, outbox.webhooks(found.townId()));
    }

    private Notices.Told told(PositiveTubeFound found, Area stairwell, String place, int people, String link,
                              List<Holder> holders) {
        Occasion occasion = new Occasion(found.townId(), stairwell.id(), stairwell.path(),
                NotificationKind.POSITIVE_TUBE, link,
                text.outbound("screening.result.notice.out.subject", place, found.tubeCode()),
                text.outbound("screening.result.notice.out", place, found.tubeCode(), people,
                        notices.absolute(link)), false);
        List<TextArg> args = List.of(TextArg.plain(place), TextArg.plain(found.tubeCode()),
                TextArg.plain(String.valueOf(people)));
        return new Notices.Told(occasion, Occasion.Recipient.each(holders.stream()
                .filter(h -> stairwell.path().startsWith(h.areaPath())).toList(), "screening.result.notice", args));
    }
}
