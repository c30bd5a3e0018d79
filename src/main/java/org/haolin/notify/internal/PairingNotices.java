package org.haolin.notify.internal;

import org.haolin.access.Accounts;
import org.haolin.access.Holder;
import org.haolin.access.Role;
import org.haolin.area.Area;
import org.haolin.area.AreaTree;
import org.haolin.notify.NotificationKind;
import org.haolin.pairing.PairingNeedsAttention;
import org.haolin.pairing.PairingNeedsAttention.Lapse;
import org.haolin.pairing.PairingNeedsAttention.Reason;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pairings that need attention: an overdue contact tells the helper (linking to their residents; also by mail
 * when they gave an address) and the area's social workers and secretaries in the inbox (linking to the
 * resident's card, opened under their scope and audited); "could not reach" twice tells the staff only. Group
 * chats are not told: a morning's lapses would flood them. The texts name the stairwell, never the resident.
 */
@Component
class PairingNotices {

    private static final Set<Role> STAFF = Set.of(Role.SOCIAL_WORKER, Role.AREA_SECRETARY);

    private final Accounts accounts;
    private final AreaTree areas;
    private final Places places;
    private final Notices notices;
    private final NotificationText text;

    PairingNotices(Accounts accounts, AreaTree areas, Places places, Notices notices, NotificationText text) {
        this.accounts = accounts;
        this.areas = areas;
        this.places = places;
        this.notices = notices;
        this.text = text;
    }

    @ApplicationModuleListener
    void on(PairingNeedsAttention attention) {
        Map<Long, Area> stairwells = areas.findAll(attention.lapses().stream().map(Lapse::stairwellId).distinct().toList());
        Map<Long, String> names = places.names(stairwells.values());
        List<Holder> staffHolders = accounts.holders(attention.townId(),
                stairwells.values().stream().map(Area::path).toList(), STAFF);
        String key = "notify.pairing." + attention.reason().name();
        List<Notices.Told> told = new ArrayList<>();
        Map<Long, Optional<String>> helperEmails = new HashMap<>();
        for (Lapse lapse : attention.lapses()) {
            Area stairwell = stairwells.get(lapse.stairwellId());
            if (stairwell == null) {
                continue;
            }
            String place = names.get(stairwell.id());
            List<TextArg> args = List.of(TextArg.plain(place));
            Set<Long> staff = new LinkedHashSet<>();
            staffHolders.stream().filter(h -> stairwell.path().startsWith(h.areaPath()))
                    .forEach(h -> staff.add(h.accountId()));
            told.add(new Notices.Told(occasion(attention, stairwell, place, "/residents/" + lapse.residentId()),
                    staff.stream().map(id -> new Occasion.Recipient(id, null, key, args)).toList()));
            if (attention.reason() == Reason.OVERDUE && !staff.contains(lapse.helperId())) {
                told.add(new Notices.Told(occasion(attention, stairwell, place,
                        "/my-residents#resident-" + lapse.residentId()), List.of(new Occasion.Recipient(
                        lapse.helperId(), helperEmails.computeIfAbsent(lapse.helperId(), accounts::email).orElse(null),
                        key, args))));
            }
        }
        notices.tellAll(told, List.of());
    }

    private Occasion occasion(PairingNeedsAttention attention, Area stairwell, String place, String link) {
        String reason = attention.reason().name();
        return new Occasion(attention.townId(), stairwell.id(), stairwell.path(), NotificationKind.PAIRING_ATTENTION,
                link, text.outbound("notify.out.pairing." + reason + ".subject", place),
                text.outbound("notify.out.pairing." + reason, place, notices.absolute(link)), false);
    }
}
