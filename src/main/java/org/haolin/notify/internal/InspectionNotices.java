package org.haolin.notify.internal;

import org.haolin.access.Accounts;
import org.haolin.inspection.RectificationAssigned;
import org.haolin.inspection.RectificationOverdue;
import org.haolin.notify.NotificationKind;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * Rectification tasks tell their owner: a new finding, a task reopened because it was not put right, a task past
 * its due day. In the inbox, and by mail when the owner gave an address. The texts name the area, the checklist
 * item and the due day; what was found stays behind the link. Group chats are not told: a finding is the owner's.
 */
@Component
class InspectionNotices {

    private final Accounts accounts;
    private final Notices notices;
    private final NotificationText text;

    InspectionNotices(Accounts accounts, Notices notices, NotificationText text) {
        this.accounts = accounts;
        this.notices = notices;
        this.text = text;
    }

    @ApplicationModuleListener
    void on(RectificationAssigned a) {
        tell(a.reopened() ? "inspection.notice.reopened" : "inspection.notice.assigned", a.townId(), a.areaId(),
                a.areaPath(), a.areaName(), a.taskId(), a.ownerId(), a.itemNameZh(), a.itemNameEn(), a.dueOn());
    }

    @ApplicationModuleListener
    void on(RectificationOverdue o) {
        tell("inspection.notice.overdue", o.townId(), o.areaId(), o.areaPath(), o.areaName(), o.taskId(), o.ownerId(),
                o.itemNameZh(), o.itemNameEn(), o.dueOn());
    }

    private void tell(String key, long townId, long areaId, String areaPath, String areaName, long taskId,
                      long ownerId, String itemZh, String itemEn, LocalDate dueOn) {
        String link = "/inspection/tasks#task-" + taskId;
        String due = dueOn.toString();
        Occasion occasion = new Occasion(townId, areaId, areaPath, NotificationKind.RECTIFICATION, link,
                text.outbound(key + ".out.subject", areaName, itemZh),
                text.outbound(key + ".out", areaName, itemZh, due, notices.absolute(link)), false);
        List<TextArg> args = List.of(TextArg.plain(areaName), TextArg.both(itemZh, itemEn), TextArg.plain(due));
        notices.tell(occasion, List.of(new Occasion.Recipient(ownerId, accounts.email(ownerId).orElse(null), key, args)),
                List.of());
    }
}
