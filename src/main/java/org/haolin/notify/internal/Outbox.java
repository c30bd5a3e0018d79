package org.haolin.notify.internal;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;

import static haolin.schema.Tables.NOTIFY_DELIVERY;
import static haolin.schema.Tables.NOTIFY_WEBHOOK;

/** Puts messages to send into the outbox; the delivery job takes them from there. */
@Component
public class Outbox {

    /** A town's webhook as the outbox needs it: which area it is limited to. */
    public record Webhook(long id, String name, String host, String areaPath) {
    }

    public enum Channel {
        EMAIL, WEBHOOK
    }

    private final DSLContext db;

    Outbox(DSLContext db) {
        this.db = db;
    }

    public List<Webhook> webhooks(long townId) {
        return db.select(NOTIFY_WEBHOOK.ID, NOTIFY_WEBHOOK.NAME, NOTIFY_WEBHOOK.URL_HOST, NOTIFY_WEBHOOK.AREA_PATH)
                .from(NOTIFY_WEBHOOK).where(NOTIFY_WEBHOOK.TOWN_ID.eq(townId))
                .orderBy(NOTIFY_WEBHOOK.AREA_PATH, NOTIFY_WEBHOOK.NAME)
                .fetch(r -> new Webhook(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    void enqueueMail(Occasion occasion, String address, OffsetDateTime now) {
        enqueue(occasion, Channel.EMAIL, null, address, now);
    }

    void enqueueWebhook(Occasion occasion, Webhook webhook, OffsetDateTime now) {
        enqueue(occasion, Channel.WEBHOOK, webhook.id(), webhook.name() + " (" + webhook.host() + ")", now);
    }

    private void enqueue(Occasion occasion, Channel channel, Long webhookId, String target, OffsetDateTime now) {
        db.insertInto(NOTIFY_DELIVERY)
                .set(NOTIFY_DELIVERY.TOWN_ID, occasion.townId())
                .set(NOTIFY_DELIVERY.AREA_ID, occasion.areaId())
                .set(NOTIFY_DELIVERY.AREA_PATH, occasion.areaPath())
                .set(NOTIFY_DELIVERY.CHANNEL, channel.name())
                .set(NOTIFY_DELIVERY.WEBHOOK_ID, webhookId)
                .set(NOTIFY_DELIVERY.TARGET, target)
                .set(NOTIFY_DELIVERY.SUBJECT, occasion.outSubject())
                .set(NOTIFY_DELIVERY.PAYLOAD, occasion.outText())
                .set(NOTIFY_DELIVERY.NEXT_ATTEMPT_AT, now)
                .set(NOTIFY_DELIVERY.CREATED_AT, now)
                .execute();
    }
}
