package org.haolin.notify;

import org.haolin.access.Grant;
import org.haolin.access.HaolinUser;
import org.haolin.notify.internal.NotificationText;
import org.haolin.platform.DomainException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import static haolin.schema.Tables.NOTIFICATION;

/**
 * A person's own notifications: unread first, the unread count, marking read. Nobody reaches another
 * person's notifications through here; another person's id reads as "not found".
 */
@Service
public class Inbox {

    public static final int PAGE = 100;

    private final DSLContext db;
    private final NotificationText text;
    private final Clock clock;

    Inbox(DSLContext db, NotificationText text, Clock clock) {
        this.db = db;
        this.text = text;
        this.clock = clock;
    }

    /** Unread first, then newest first; at most {@link #PAGE}. */
    public List<Notification> list(HaolinUser me, boolean unreadOnly, Locale locale) {
        Condition which = mine(me).and(unreadOnly ? NOTIFICATION.READ_AT.isNull() : org.jooq.impl.DSL.noCondition());
        return db.selectFrom(NOTIFICATION).where(which)
                .orderBy(NOTIFICATION.READ_AT.isNull().desc(), NOTIFICATION.CREATED_AT.desc(), NOTIFICATION.ID.desc())
                .limit(PAGE)
                .fetch(n -> new Notification(n.getId(), NotificationKind.valueOf(n.getKind()),
                        text.render(n.getMessageKey(), n.getMessageArgs(), locale), n.getLink(), n.getCreatedAt(),
                        n.getReadAt()));
    }

    public int unreadCount(HaolinUser me) {
        return db.fetchCount(NOTIFICATION, mine(me).and(NOTIFICATION.READ_AT.isNull()));
    }

    /** Marks one of my notifications read (again: no change); anyone else's is "not found". */
    @Transactional
    public void markRead(HaolinUser me, long id) {
        if (!db.fetchExists(NOTIFICATION, mine(me).and(NOTIFICATION.ID.eq(id)))) {
            throw DomainException.notFound("notify.notFound", id);
        }
        db.update(NOTIFICATION).set(NOTIFICATION.READ_AT, OffsetDateTime.now(clock))
                .where(mine(me), NOTIFICATION.ID.eq(id), NOTIFICATION.READ_AT.isNull()).execute();
    }

    /** Marks all of my notifications read; returns how many were unread. */
    @Transactional
    public int markAllRead(HaolinUser me) {
        return db.update(NOTIFICATION).set(NOTIFICATION.READ_AT, OffsetDateTime.now(clock))
                .where(mine(me), NOTIFICATION.READ_AT.isNull()).execute();
    }

    /** Mine, in the towns where I hold a role (SCALING rule 7: every query names its towns). */
    private static Condition mine(HaolinUser me) {
        List<Long> towns = me.grants().stream().map(Grant::townId).distinct().toList();
        return NOTIFICATION.RECIPIENT_ID.eq(me.accountId()).and(NOTIFICATION.TOWN_ID.in(towns));
    }
}
