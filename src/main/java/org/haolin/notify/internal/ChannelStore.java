package org.haolin.notify.internal;

import haolin.schema.tables.records.NotifySmtpRecord;
import org.haolin.area.Area;
import org.haolin.platform.SensitiveData;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.Optional;

import static haolin.schema.Tables.NOTIFY_SMTP;
import static haolin.schema.Tables.NOTIFY_WEBHOOK;

/** The towns' channel settings; secrets (SMTP password, webhook URL with its key) stored encrypted. */
@Component
public class ChannelStore {

    private final DSLContext db;
    private final SensitiveData sensitive;

    ChannelStore(DSLContext db, SensitiveData sensitive) {
        this.db = db;
        this.sensitive = sensitive;
    }

    public Optional<NotifySmtpRecord> smtpRecord(long townId) {
        return db.selectFrom(NOTIFY_SMTP).where(NOTIFY_SMTP.TOWN_ID.eq(townId)).fetchOptional();
    }

    public Optional<SmtpServer> smtp(long townId) {
        return smtpRecord(townId).map(r -> new SmtpServer(r.getHost(), r.getPort(), r.getFromAddress(),
                r.getUsername(), r.getPasswordEnc() == null ? null : sensitive.decrypt(r.getPasswordEnc()),
                r.getStarttls()));
    }

    /** Saves the town's server; a null password keeps the one stored, an empty one removes it. */
    public void saveSmtp(Area town, SmtpServer server, long by, OffsetDateTime now) {
        byte[] password = server.password() == null
                ? smtpRecord(town.id()).map(NotifySmtpRecord::getPasswordEnc).orElse(null)
                : server.password().isEmpty() ? null : sensitive.encrypt(server.password());
        db.insertInto(NOTIFY_SMTP)
                .set(NOTIFY_SMTP.TOWN_ID, town.id()).set(NOTIFY_SMTP.AREA_ID, town.id())
                .set(NOTIFY_SMTP.AREA_PATH, town.path())
                .set(NOTIFY_SMTP.HOST, server.host()).set(NOTIFY_SMTP.PORT, server.port())
                .set(NOTIFY_SMTP.FROM_ADDRESS, server.from()).set(NOTIFY_SMTP.USERNAME, server.username())
                .set(NOTIFY_SMTP.PASSWORD_ENC, password).set(NOTIFY_SMTP.STARTTLS, server.starttls())
                .set(NOTIFY_SMTP.UPDATED_AT, now).set(NOTIFY_SMTP.UPDATED_BY, by)
                .onConflict(NOTIFY_SMTP.TOWN_ID).doUpdate()
                .set(NOTIFY_SMTP.HOST, server.host()).set(NOTIFY_SMTP.PORT, server.port())
                .set(NOTIFY_SMTP.FROM_ADDRESS, server.from()).set(NOTIFY_SMTP.USERNAME, server.username())
                .set(NOTIFY_SMTP.PASSWORD_ENC, password).set(NOTIFY_SMTP.STARTTLS, server.starttls())
                .set(NOTIFY_SMTP.UPDATED_AT, now).set(NOTIFY_SMTP.UPDATED_BY, by)
                .execute();
    }

    public Optional<String> webhookUrl(long townId, long webhookId) {
        return db.select(NOTIFY_WEBHOOK.URL_ENC).from(NOTIFY_WEBHOOK)
                .where(NOTIFY_WEBHOOK.TOWN_ID.eq(townId), NOTIFY_WEBHOOK.ID.eq(webhookId))
                .fetchOptional(NOTIFY_WEBHOOK.URL_ENC).map(sensitive::decrypt);
    }

    public long addWebhook(Area town, Area limitedTo, String name, String url, long by, OffsetDateTime now) {
        return db.insertInto(NOTIFY_WEBHOOK)
                .set(NOTIFY_WEBHOOK.TOWN_ID, town.id()).set(NOTIFY_WEBHOOK.AREA_ID, limitedTo.id())
                .set(NOTIFY_WEBHOOK.AREA_PATH, limitedTo.path()).set(NOTIFY_WEBHOOK.NAME, name)
                .set(NOTIFY_WEBHOOK.URL_ENC, sensitive.encrypt(url)).set(NOTIFY_WEBHOOK.URL_HOST, WebhookChannel.host(url))
                .set(NOTIFY_WEBHOOK.CREATED_AT, now).set(NOTIFY_WEBHOOK.CREATED_BY, by)
                .returning(NOTIFY_WEBHOOK.ID).fetchOne(NOTIFY_WEBHOOK.ID);
    }

    /** Removes a webhook of the town (and its deliveries); false when the town has no such webhook. */
    public boolean removeWebhook(long townId, long webhookId) {
        return db.deleteFrom(NOTIFY_WEBHOOK)
                .where(NOTIFY_WEBHOOK.TOWN_ID.eq(townId), NOTIFY_WEBHOOK.ID.eq(webhookId)).execute() > 0;
    }
}
