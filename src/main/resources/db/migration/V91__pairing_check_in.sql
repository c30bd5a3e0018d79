-- The check-in sheet (结对帮困打卡表): one row per contact, time-partitioned by month of recording
-- (SCALING rule 8; ensure_month_partition keeps partitions ahead, retention by DETACH/DROP).
CREATE TABLE check_in (
    id              bigint NOT NULL DEFAULT nextval('haolin_id'),
    town_id         bigint NOT NULL,
    area_id         bigint NOT NULL,
    area_path       text COLLATE "C" NOT NULL,
    pairing_id      bigint NOT NULL,
    resident_id     bigint NOT NULL,
    helper_id       bigint NOT NULL,
    helper_name     text   NOT NULL,
    channel         text   NOT NULL CHECK (channel IN ('WECHAT', 'PHONE', 'HOME_VISIT')),
    contacted_at    timestamptz NOT NULL,
    condition       text   NOT NULL CHECK (condition IN ('FINE', 'NEEDS_HELP', 'NOT_REACHED')),
    notes           text CHECK (length(notes) <= 1000),
    need            text CHECK (length(need) <= 1000),
    recorded_at     timestamptz NOT NULL,
    PRIMARY KEY (town_id, id, recorded_at)
) PARTITION BY RANGE (recorded_at);
CREATE TABLE check_in_pdefault PARTITION OF check_in DEFAULT;
CREATE INDEX check_in_resident ON check_in (town_id, resident_id, contacted_at DESC);

-- Client-made keys: the same key answers with the check-in it made (ON CONFLICT DO NOTHING).
CREATE TABLE check_in_request (
    town_id         bigint NOT NULL,
    idempotency_key text   NOT NULL CHECK (length(idempotency_key) BETWEEN 8 AND 80),
    check_in_id     bigint NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (town_id, idempotency_key)
);
