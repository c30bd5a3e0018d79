package org.haolin.notify.internal;

import org.haolin.access.Accounts;
import org.haolin.notify.NotificationKind;
import org.haolin.rota.RotaPublished;
import org.haolin.rota.ShiftSwapDecided;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A published rota tells each person on it who has an account (their shifts are on "my shifts"); a swap request,
 * and the staff's decision on it, tells both people. Only in the app: shifts are personal, not for group chats.
 */
@Component
class RotaNotices {

    private final Accounts accounts;
    private final Notices notices;
    private final NotificationText text;

    RotaNotices(Accounts accounts, Notices notices, NotificationText text) {
        this.accounts = accounts;
        this.notices = notices;
        this.text = text;
    }

    @ApplicationModuleListener
    void on(RotaPublished published) {
        String link = "/my-shifts";
        Occasion occasion = new Occasion(published.townId(), published.areaId(), published.areaPath(),
                NotificationKind.ROTA_PUBLISHED, link, text.outbound("rota.notice.published.subject"),
                text.outbound("rota.notice.published", published.rotaName()), false);
        tell(occasion, published.accountIds(), "rota.notice.published", List.of(TextArg.plain(published.rotaName())));
    }

    @ApplicationModuleListener
    void on(ShiftSwapDecided swap) {
        String link = "/my-shifts";
        String key = "rota.notice.swap." + swap.state();
        Occasion occasion = new Occasion(swap.townId(), swap.areaId(), swap.areaPath(), NotificationKind.SHIFT_SWAP,
                link, text.outbound("rota.notice.swap.subject"), text.outbound(key, swap.day().toString()), false);
        tell(occasion, swap.accountIds(), key, List.of(TextArg.plain(swap.day().toString())));
    }

    private void tell(Occasion occasion, List<Long> accountIds, String key, List<TextArg> args) {
        notices.tell(occasion, accountIds.stream().distinct()
                .map(id -> new Occasion.Recipient(id, accounts.email(id).orElse(null), key, args)).toList(), List.of());
    }
}
