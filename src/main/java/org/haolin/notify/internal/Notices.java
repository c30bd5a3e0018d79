package org.haolin.notify.internal;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Row9;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static haolin.schema.Tables.NOTIFICATION;
import static org.jooq.impl.DSL.row;

/**
 * Writes what an occasion tells: one in-app notification per recipient (a few inserts for a whole list), and the outbound
 * deliveries: a mail to each recipient with an address, a post to each webhook of the town that reaches
 * the area. Nothing is sent here: the delivery job does that, so the listener that calls this stays fast.
 */
@Component
public class Notices {

    private static final int ROWS_PER_INSERT = 1_000;

    private final DSLContext db;
    private final NotificationText text;
    private final Outbox outbox;
    private final Clock clock;
    private final String baseUrl;

    Notices(DSLContext db, NotificationText text, Outbox outbox, Clock clock,
            @Value("${haolin.notify.base-url:http://localhost:8080}") String baseUrl) {
        this.db = db;
        this.text = text;
        this.outbox = outbox;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The link as an outbound reader opens it: absolute, to this deployment. */
    public String absolute(String link) {
        return baseUrl + link;
    }

    /** An occasion and the people it tells. */
    public record Told(Occasion occasion, List<Occasion.Recipient> recipients) {
    }

    public void tell(Occasion occasion, List<Occasion.Recipient> recipients, List<Outbox.Webhook> webhooks) {
        tellAll(List.of(new Told(occasion, recipients)), webhooks);
    }

    /** Many occasions (a list landing in many stairwells) with their notifications in a few inserts. */
    public void tellAll(List<Told> told, List<Outbox.Webhook> webhooks) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Row9<OffsetDateTime, Long, Long, String, Long, String, String, JSONB, String>> rows = new ArrayList<>();
        for (Told t : told) {
            Occasion occasion = t.occasion();
            for (Occasion.Recipient r : t.recipients()) {
                rows.add(row(now, occasion.townId(), occasion.areaId(), occasion.areaPath(), r.accountId(),
                        occasion.kind().name(), r.messageKey(), text.store(r.args()), occasion.link()));
            }
        }
        for (int i = 0; i < rows.size(); i += ROWS_PER_INSERT) {
            db.insertInto(NOTIFICATION, NOTIFICATION.CREATED_AT, NOTIFICATION.TOWN_ID, NOTIFICATION.AREA_ID,
                    NOTIFICATION.AREA_PATH, NOTIFICATION.RECIPIENT_ID, NOTIFICATION.KIND, NOTIFICATION.MESSAGE_KEY,
                    NOTIFICATION.MESSAGE_ARGS, NOTIFICATION.LINK)
                    .valuesOfRows(rows.subList(i, Math.min(rows.size(), i + ROWS_PER_INSERT))).execute();
        }
        for (Told t : told) {
            for (Occasion.Recipient r : t.recipients()) {
                if (r.email() != null) {
                    outbox.enqueueMail(t.occasion(), r.email(), now);
                }
            }
            for (Outbox.Webhook webhook : webhooks) {
                if (t.occasion().reaches(webhook.areaPath())) {
                    outbox.enqueueWebhook(t.occasion(), webhook, now);
                }
            }
        }
    }
}
