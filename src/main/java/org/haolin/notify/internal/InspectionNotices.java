package org.haolin.notify.internal;

import org.haolin.access.Accounts;
import org.haolin.inspection.RectificationAssigned;
import org.haolin.notify.NotificationKind;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * A rectification task landed with its owner (a new finding, or a task reopened because it was not put right):
 * the owner is told in the inbox, and by mail when they gave an address. The texts name the area, the checklist
 * item and the due day; what was found stays behind the link. Group chats are not told: a finding is the owner's.
 */
@Component
class InspectionNotices {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final Accounts accounts;
    private final Notices notices;
    private final NotificationText text;

    InspectionNotices(Accounts accounts, Notices notices, NotificationText text) {
        this.accounts = accounts;
        this.notices = notices;
        this.text = text;
    }

    @ApplicationModuleListener
    void on(RectificationAssigned assigned) {
        String key = assigned.reopened() ? "inspection.notice.reopened" : "inspection.notice.assigned";
        String link = "/inspection/tasks#task-" + assigned.taskId();
        String due = assigned.dueOn().toString();
        Occasion occasion = new Occasion(assigned.townId(), assigned.areaId(), assigned.areaPath(),
                NotificationKind.RECTIFICATION, link,
                text.message(key + ".out.subject", ZH, assigned.areaName(), assigned.itemNameZh()),
                text.message(key + ".out", ZH, assigned.areaName(), assigned.itemNameZh(), due,
                        notices.absolute(link)), false);
        List<TextArg> args = List.of(TextArg.plain(assigned.areaName()),
                TextArg.both(assigned.itemNameZh(), assigned.itemNameEn()), TextArg.plain(due));
        notices.tell(occasion, List.of(new Occasion.Recipient(assigned.ownerId(),
                accounts.email(assigned.ownerId()).orElse(null), key, args)), List.of());
    }
}
