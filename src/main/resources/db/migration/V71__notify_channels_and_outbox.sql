-- A town's outbound channels. SMTP: one server per town; the password is encrypted (AES-GCM).
CREATE TABLE notify_smtp (
    town_id      bigint PRIMARY KEY,
    area_id      bigint NOT NULL REFERENCES area (id),
    area_path    text COLLATE "C" NOT NULL,
    host         text NOT NULL CHECK (length(host) BETWEEN 1 AND 253),
    port         integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
    from_address text NOT NULL CHECK (length(from_address) BETWEEN 3 AND 254),
    username     text,
    password_enc bytea,
    starttls     boolean NOT NULL DEFAULT true,
    updated_at   timestamptz NOT NULL,
    updated_by   bigint NOT NULL
);

-- Group-chat robots (WeCom, DingTalk and the like). The URL carries the robot's key, so it is encrypted;
-- the host is kept in clear to show which robot it is. Limited to an area subtree (the town: all of it).
CREATE TABLE notify_webhook (
    id         bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id    bigint NOT NULL,
    area_id    bigint NOT NULL REFERENCES area (id),
    area_path  text COLLATE "C" NOT NULL,
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    url_enc    bytea NOT NULL,
    url_host   text NOT NULL,
    created_at timestamptz NOT NULL,
    created_by bigint NOT NULL
);
CREATE INDEX notify_webhook_town ON notify_webhook (town_id, area_path);

-- The outbox: each message to send on a channel, sent by a scheduled job and retried with backoff.
-- Payloads carry area names, tag names, counts and a link; never names, identifiers, phones or rooms.
CREATE TABLE notify_delivery (
    id              bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id         bigint NOT NULL,
    area_id         bigint NOT NULL,
    area_path       text COLLATE "C" NOT NULL,
    channel         text NOT NULL CHECK (channel IN ('EMAIL', 'WEBHOOK')),
    webhook_id      bigint REFERENCES notify_webhook (id) ON DELETE CASCADE,
    target          text NOT NULL,
    subject         text NOT NULL,
    payload         text NOT NULL,
    state           text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz,
    CHECK ((channel = 'WEBHOOK') = (webhook_id IS NOT NULL))
);
-- The job claims due rows town by town (one town per transaction, SCALING rule 6).
CREATE INDEX notify_delivery_due ON notify_delivery (town_id, next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX notify_delivery_town ON notify_delivery (town_id, state, created_at DESC);
