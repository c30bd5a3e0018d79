package org.haolin.notify.internal;

import haolin.schema.tables.records.NotifyDeliveryRecord;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static haolin.schema.Tables.NOTIFY_DELIVERY;

/**
 * Sends what is due in the outbox. Town by town (one town per transaction), it claims a batch of due
 * deliveries with FOR UPDATE SKIP LOCKED and moves their next attempt a lease ahead, commits, then sends
 * outside any transaction: another node skips what is claimed, and a node that dies mid-send leaves its
 * claims to be tried again when the lease runs out. A failure waits as {@link Backoff} says, then is
 * given up as FAILED.
 */
@Component
public class Deliveries {

    public enum State {
        PENDING, DELIVERED, FAILED
    }

    static final int BATCH = 50;
    static final int MAX_PER_RUN = 500;
    static final Duration LEASE = Duration.ofMinutes(5);
    private static final int ERROR_CHARS = 500;
    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final DSLContext db;
    private final TransactionTemplate tx;
    private final ChannelStore channels;
    private final MailChannel mail;
    private final WebhookChannel webhooks;
    private final Clock clock;

    Deliveries(DSLContext db, TransactionTemplate tx, ChannelStore channels, MailChannel mail, WebhookChannel webhooks,
               Clock clock) {
        this.db = db;
        this.tx = tx;
        this.channels = channels;
        this.mail = mail;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** Sends every due delivery (up to {@link #MAX_PER_RUN}); returns how many were attempted. */
    public int sendDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Long> towns = db.selectDistinct(NOTIFY_DELIVERY.TOWN_ID).from(NOTIFY_DELIVERY)
                .where(NOTIFY_DELIVERY.STATE.eq(State.PENDING.name()), NOTIFY_DELIVERY.NEXT_ATTEMPT_AT.le(now))
                .fetch(NOTIFY_DELIVERY.TOWN_ID);
        int attempted = 0;
        for (long town : towns) {
            List<NotifyDeliveryRecord> claimed;
            do {
                claimed = tx.execute(status -> claim(town, now));
                claimed.forEach(this::attempt);
                attempted += claimed.size();
            } while (claimed.size() == BATCH && attempted < MAX_PER_RUN);
        }
        return attempted;
    }

    private List<NotifyDeliveryRecord> claim(long town, OffsetDateTime now) {
        List<NotifyDeliveryRecord> due = db.selectFrom(NOTIFY_DELIVERY)
                .where(NOTIFY_DELIVERY.TOWN_ID.eq(town), NOTIFY_DELIVERY.STATE.eq(State.PENDING.name()),
                        NOTIFY_DELIVERY.NEXT_ATTEMPT_AT.le(now))
                .orderBy(NOTIFY_DELIVERY.NEXT_ATTEMPT_AT).limit(BATCH)
                .forUpdate().skipLocked().fetch();
        if (!due.isEmpty()) {
            db.update(NOTIFY_DELIVERY).set(NOTIFY_DELIVERY.NEXT_ATTEMPT_AT, now.plus(LEASE))
                    .where(NOTIFY_DELIVERY.TOWN_ID.eq(town), NOTIFY_DELIVERY.ID.in(due.stream().map(NotifyDeliveryRecord::getId).toList()))
                    .execute();
        }
        return due;
    }

    private void attempt(NotifyDeliveryRecord delivery) {
        try {
            send(delivery);
            db.update(NOTIFY_DELIVERY).set(NOTIFY_DELIVERY.STATE, State.DELIVERED.name())
                    .set(NOTIFY_DELIVERY.ATTEMPTS, NOTIFY_DELIVERY.ATTEMPTS.plus(1))
                    .set(NOTIFY_DELIVERY.DELIVERED_AT, OffsetDateTime.now(clock))
                    .where(NOTIFY_DELIVERY.ID.eq(delivery.getId())).execute();
        } catch (DeliveryFailed | RuntimeException e) {
            failed(delivery, e instanceof DeliveryFailed ? e.getMessage() : MailChannel.describe(e));
        }
    }

    private void send(NotifyDeliveryRecord d) throws DeliveryFailed {
        switch (Outbox.Channel.valueOf(d.getChannel())) {
            case EMAIL -> mail.send(channels.smtp(d.getTownId())
                            .orElseThrow(() -> new DeliveryFailed("no SMTP server configured")),
                    d.getTarget(), d.getSubject(), d.getPayload());
            case WEBHOOK -> webhooks.send(channels.webhookUrl(d.getTownId(), d.getWebhookId())
                    .orElseThrow(() -> new DeliveryFailed("webhook removed")), d.getPayload());
        }
    }

    private void failed(NotifyDeliveryRecord delivery, String error) {
        int attempts = delivery.getAttempts() + 1;
        Duration wait = Backoff.after(attempts);
        String why = error.length() > ERROR_CHARS ? error.substring(0, ERROR_CHARS) : error;
        log.info("Delivery {} ({}) failed, attempt {}: {}", delivery.getId(), delivery.getChannel(), attempts, why);
        db.update(NOTIFY_DELIVERY)
                .set(NOTIFY_DELIVERY.ATTEMPTS, attempts)
                .set(NOTIFY_DELIVERY.LAST_ERROR, why)
                .set(NOTIFY_DELIVERY.STATE, wait == null ? State.FAILED.name() : State.PENDING.name())
                .set(NOTIFY_DELIVERY.NEXT_ATTEMPT_AT, OffsetDateTime.now(clock).plus(wait == null ? Duration.ZERO : wait))
                .where(NOTIFY_DELIVERY.ID.eq(delivery.getId())).execute();
    }
}
