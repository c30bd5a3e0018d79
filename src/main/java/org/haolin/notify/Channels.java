package org.haolin.notify;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.Grant;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scope;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.notify.internal.ChannelStore;
import org.haolin.notify.internal.DeliveryFailed;
import org.haolin.notify.internal.Deliveries;
import org.haolin.notify.internal.MailChannel;
import org.haolin.notify.internal.NotificationText;
import org.haolin.notify.internal.Outbox;
import org.haolin.notify.internal.SmtpServer;
import org.haolin.notify.internal.WebhookChannel;
import org.haolin.platform.DomainException;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static haolin.schema.Tables.NOTIFY_DELIVERY;
import static haolin.schema.Tables.NOTIFY_WEBHOOK;

/**
 * A town's outbound channels, for its administrators (MANAGE_CHANNELS over the town): the SMTP server,
 * group-chat webhooks (optionally limited to part of the town), a test message, and the deliveries that
 * fail or wait for a retry. Another town's channels are "not found". Changes are audited, secrets never.
 */
@Service
public class Channels {

    /** The SMTP server as the settings page shows it: whether a password is stored, never the password. */
    public record SmtpView(String host, int port, String from, String username, boolean passwordSet,
                           boolean starttls) {
    }

    /** What a town admin types for the SMTP server; a blank password keeps the stored one. */
    public record SmtpForm(String host, Integer port, String from, String username, String password,
                           boolean starttls, boolean removePassword) {
    }

    public record WebhookView(long id, String name, String host, long areaId, String areaName) {
    }

    public record DeliveryView(long id, String channel, String target, String subject, String state, int attempts,
                               OffsetDateTime nextAttemptAt, String lastError, OffsetDateTime createdAt) {
    }

    public record Settings(Area town, SmtpView smtp, List<WebhookView> webhooks, List<Area> limitAreas,
                           List<DeliveryView> attention, int waiting) {
    }

    /** One channel's answer to a test message: error null when it was delivered. Shown after a redirect, so kept in the session. */
    public record TestOutcome(String channel, String target, String error) implements java.io.Serializable {
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,253}");
    private static final int ATTENTION = 100;

    private final DSLContext db;
    private final Scopes scopes;
    private final AreaTree areas;
    private final AuditTrail audit;
    private final ChannelStore store;
    private final Outbox outbox;
    private final MailChannel mail;
    private final WebhookChannel webhooks;
    private final NotificationText text;
    private final Clock clock;

    Channels(DSLContext db, Scopes scopes, AreaTree areas, AuditTrail audit, ChannelStore store, Outbox outbox,
             MailChannel mail, WebhookChannel webhooks, NotificationText text, Clock clock) {
        this.db = db;
        this.scopes = scopes;
        this.areas = areas;
        this.audit = audit;
        this.store = store;
        this.outbox = outbox;
        this.mail = mail;
        this.webhooks = webhooks;
        this.text = text;
        this.clock = clock;
    }

    /** The towns whose channels the person manages. */
    public List<Area> towns(HaolinUser user) {
        return scopes.of(user, Permission.MANAGE_CHANNELS).grants().stream().map(Grant::townId).distinct()
                .map(areas::find).flatMap(java.util.Optional::stream)
                .map(a -> a.level() == AreaLevel.TOWN ? a : areas.find(a.townId()).orElseThrow())
                .distinct().sorted(Comparator.comparing(Area::path)).toList();
    }

    public Settings settings(HaolinUser user, long townId) {
        Area town = managed(user, townId);
        List<Area> limits = Stream.concat(Stream.of(town), Stream.concat(
                        areas.descendants(town, AreaLevel.RESIDENTIAL_AREA).stream(),
                        areas.descendants(town, AreaLevel.COMPOUND).stream()))
                .sorted(Comparator.comparing(Area::path)).toList();
        Map<Long, Area> byId = limits.stream().collect(Collectors.toMap(Area::id, Function.identity()));
        SmtpView smtp = store.smtpRecord(townId).map(r -> new SmtpView(r.getHost(), r.getPort(), r.getFromAddress(),
                r.getUsername(), r.getPasswordEnc() != null, r.getStarttls())).orElse(null);
        List<WebhookView> hooks = db.selectFrom(NOTIFY_WEBHOOK).where(NOTIFY_WEBHOOK.TOWN_ID.eq(townId))
                .orderBy(NOTIFY_WEBHOOK.AREA_PATH, NOTIFY_WEBHOOK.NAME)
                .fetch(w -> new WebhookView(w.getId(), w.getName(), w.getUrlHost(), w.getAreaId(),
                        byId.containsKey(w.getAreaId()) ? byId.get(w.getAreaId()).name()
                                : areas.find(w.getAreaId()).map(Area::name).orElse("")));
        return new Settings(town, smtp, hooks, limits, attention(townId), db.fetchCount(NOTIFY_DELIVERY,
                NOTIFY_DELIVERY.TOWN_ID.eq(townId).and(NOTIFY_DELIVERY.STATE.eq(Deliveries.State.PENDING.name()))));
    }

    @Transactional
    public void saveSmtp(HaolinUser user, long townId, SmtpForm form) {
        Area town = managed(user, townId);
        String host = trimmed(form.host());
        if (host == null || !HOST.matcher(host).matches()) {
            throw DomainException.invalid("notify.smtp.host.invalid");
        }
        if (form.port() == null || form.port() < 1 || form.port() > 65535) {
            throw DomainException.invalid("notify.smtp.port.invalid");
        }
        String from = trimmed(form.from());
        if (from == null || from.length() > 254 || !EMAIL.matcher(from).matches()) {
            throw DomainException.invalid("notify.smtp.from.invalid");
        }
        String username = trimmed(form.username());
        if (username != null && username.length() > 254) {
            throw DomainException.invalid("notify.smtp.username.invalid");
        }
        String password = form.removePassword() ? "" : form.password() == null || form.password().isEmpty() ? null
                : form.password();
        store.saveSmtp(town, new SmtpServer(host, form.port(), from, username, password, form.starttls()),
                user.accountId(), OffsetDateTime.now(clock));
        record(user, town, "SMTP server " + host + ":" + form.port() + " saved");
    }

    @Transactional
    public long addWebhook(HaolinUser user, long townId, String name, String url, Long areaId) {
        Area town = managed(user, townId);
        String clean = trimmed(name);
        if (clean == null || clean.length() > 60) {
            throw DomainException.invalid("notify.webhook.name.invalid");
        }
        String address = trimmed(url);
        if (!webUrl(address)) {
            throw DomainException.invalid("notify.webhook.url.invalid");
        }
        Area limit = areaId == null ? town : areas.find(areaId).filter(a -> Objects.equals(a.townId(), town.id()))
                .orElseThrow(() -> DomainException.invalid("notify.webhook.area.invalid"));
        long id = store.addWebhook(town, limit, clean, address, user.accountId(), OffsetDateTime.now(clock));
        record(user, town, "webhook " + id + " (" + WebhookChannel.host(address) + ") added for area " + limit.id());
        return id;
    }

    @Transactional
    public void removeWebhook(HaolinUser user, long webhookId) {
        Long townId = db.select(NOTIFY_WEBHOOK.TOWN_ID).from(NOTIFY_WEBHOOK).where(NOTIFY_WEBHOOK.ID.eq(webhookId))
                .fetchOptional(NOTIFY_WEBHOOK.TOWN_ID).orElse(null);
        Area town = townId == null ? null : managedOrNull(user, townId);
        if (town == null || !store.removeWebhook(townId, webhookId)) {
            throw DomainException.notFound("notify.webhook.notFound", webhookId);
        }
        record(user, town, "webhook " + webhookId + " removed");
    }

    /** Puts a pending, retrying or failed delivery back to be sent at once, with a fresh count of attempts. */
    @Transactional
    public void retry(HaolinUser user, long deliveryId) {
        Long townId = db.select(NOTIFY_DELIVERY.TOWN_ID).from(NOTIFY_DELIVERY).where(NOTIFY_DELIVERY.ID.eq(deliveryId))
                .fetchOptional(NOTIFY_DELIVERY.TOWN_ID).orElse(null);
        Area town = townId == null ? null : managedOrNull(user, townId);
        if (town == null) {
            throw DomainException.notFound("notify.delivery.notFound", deliveryId);
        }
        db.update(NOTIFY_DELIVERY).set(NOTIFY_DELIVERY.STATE, Deliveries.State.PENDING.name())
                .set(NOTIFY_DELIVERY.ATTEMPTS, 0).set(NOTIFY_DELIVERY.NEXT_ATTEMPT_AT, OffsetDateTime.now(clock))
                .where(NOTIFY_DELIVERY.TOWN_ID.eq(townId), NOTIFY_DELIVERY.ID.eq(deliveryId),
                        NOTIFY_DELIVERY.STATE.ne(Deliveries.State.DELIVERED.name()))
                .execute();
        record(user, town, "delivery " + deliveryId + " retried");
    }

    /** Sends a test message now on every channel of the town: by mail to the given address, to each webhook. */
    public List<TestOutcome> sendTest(HaolinUser user, long townId, String email) {
        Area town = managed(user, townId);
        String message = text.outbound("notify.out.test", town.name());
        List<TestOutcome> outcomes = new ArrayList<>();
        String to = trimmed(email);
        if (to != null) {
            if (!EMAIL.matcher(to).matches()) {
                throw DomainException.invalid("notify.email.invalid");
            }
            outcomes.add(attempt("EMAIL", to, () -> mail.send(store.smtp(townId)
                    .orElseThrow(() -> new DeliveryFailed("no SMTP server configured")), to, message, message)));
        }
        for (Outbox.Webhook hook : outbox.webhooks(townId)) {
            outcomes.add(attempt("WEBHOOK", hook.name(), () -> webhooks.send(store.webhookUrl(townId, hook.id())
                    .orElseThrow(() -> new DeliveryFailed("webhook removed")), message)));
        }
        if (outcomes.isEmpty()) {
            throw DomainException.invalid("notify.test.noChannels");
        }
        record(user, town, "test message sent on " + outcomes.size() + " channels");
        return outcomes;
    }

    private interface Send {
        void run() throws DeliveryFailed;
    }

    private static TestOutcome attempt(String channel, String target, Send send) {
        try {
            send.run();
            return new TestOutcome(channel, target, null);
        } catch (DeliveryFailed e) {
            return new TestOutcome(channel, target, e.getMessage());
        }
    }

    private List<DeliveryView> attention(long townId) {
        return db.selectFrom(NOTIFY_DELIVERY)
                .where(NOTIFY_DELIVERY.TOWN_ID.eq(townId), NOTIFY_DELIVERY.STATE.eq(Deliveries.State.FAILED.name())
                        .or(NOTIFY_DELIVERY.STATE.eq(Deliveries.State.PENDING.name()).and(NOTIFY_DELIVERY.ATTEMPTS.gt(0))))
                .orderBy(NOTIFY_DELIVERY.CREATED_AT.desc(), NOTIFY_DELIVERY.ID.desc()).limit(ATTENTION)
                .fetch(d -> new DeliveryView(d.getId(), d.getChannel(), d.getTarget(), d.getSubject(), d.getState(),
                        d.getAttempts(), d.getNextAttemptAt(), d.getLastError(), d.getCreatedAt()));
    }

    private Area managed(HaolinUser user, long townId) {
        Area town = managedOrNull(user, townId);
        if (town == null) {
            throw DomainException.notFound("notify.town.notFound", townId);
        }
        return town;
    }

    private Area managedOrNull(HaolinUser user, long townId) {
        Scope scope = scopes.of(user, Permission.MANAGE_CHANNELS);
        return areas.find(townId).filter(a -> a.level() == AreaLevel.TOWN && scope.covers(a.path())).orElse(null);
    }

    private void record(HaolinUser user, Area town, String what) {
        audit.record(user, AuditAction.NOTIFICATION_SETTINGS, AuditedObject.of("TOWN", town.id(), town.id(), town.path()),
                what);
    }

    private static boolean webUrl(String url) {
        if (url == null || url.length() > 2000) {
            return false;
        }
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
