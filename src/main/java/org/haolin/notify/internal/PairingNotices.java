package org.haolin.notify.internal;

import org.haolin.access.Accounts;
import org.haolin.access.Holder;
import org.haolin.access.Role;
import org.haolin.area.Area;
import org.haolin.area.AreaTree;
import org.haolin.notify.NotificationKind;
import org.haolin.pairing.PairingNeedsAttention;
import org.haolin.pairing.PairingNeedsAttention.Reason;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A pairing that needs attention: an overdue contact tells the helper (linking to their residents) and the
 * area's social workers and secretaries (linking to the resident's card, opened under their scope and audited);
 * "could not reach" twice tells the staff only. The texts name the stairwell, never the resident.
 */
@Component
class PairingNotices {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Set<Role> STAFF = Set.of(Role.SOCIAL_WORKER, Role.AREA_SECRETARY);

    private final Accounts accounts;
    private final AreaTree areas;
    private final Places places;
    private final Notices notices;
    private final Outbox outbox;
    private final NotificationText text;

    PairingNotices(Accounts accounts, AreaTree areas, Places places, Notices notices, Outbox outbox,
                   NotificationText text) {
        this.accounts = accounts;
        this.areas = areas;
        this.places = places;
        this.notices = notices;
        this.outbox = outbox;
        this.text = text;
    }

    @ApplicationModuleListener
    void on(PairingNeedsAttention attention) {
        areas.find(attention.stairwellId()).ifPresent(stairwell -> {
            String place = places.name(stairwell);
            String key = "notify.pairing." + attention.reason().name();
            List<TextArg> args = List.of(TextArg.plain(place));
            Map<Long, String> staff = new LinkedHashMap<>();
            for (Holder h : accounts.holders(attention.townId(), stairwell.path(), STAFF)) {
                staff.putIfAbsent(h.accountId(), h.email());
            }
            List<Notices.Told> told = new java.util.ArrayList<>();
            told.add(new Notices.Told(occasion(attention, stairwell, place, "/residents/" + attention.residentId()),
                    staff.entrySet().stream().map(s -> new Occasion.Recipient(s.getKey(), s.getValue(), key, args))
                            .toList()));
            if (attention.reason() == Reason.OVERDUE && !staff.containsKey(attention.helperId())) {
                told.add(new Notices.Told(occasion(attention, stairwell, place,
                        "/my-residents#resident-" + attention.residentId()), List.of(new Occasion.Recipient(
                        attention.helperId(), accounts.email(attention.helperId()).orElse(null), key, args))));
            }
            notices.tellAll(told, outbox.webhooks(attention.townId()));
        });
    }

    private Occasion occasion(PairingNeedsAttention attention, Area stairwell, String place, String link) {
        String reason = attention.reason().name();
        return new Occasion(attention.townId(), stairwell.id(), stairwell.path(), NotificationKind.PAIRING_ATTENTION,
                link, text.message("notify.out.pairing." + reason + ".subject", ZH, place),
                text.message("notify.out.pairing." + reason, ZH, place, notices.absolute(link)), false);
    }
}
