-- A person may give an email address on "my account" so notifications also reach them by mail.
ALTER TABLE account ADD COLUMN email text
    CHECK (email IS NULL OR (length(email) <= 254 AND email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'));

-- Who is told about a stairwell is found by the exact paths above it (one index look-up per path).
CREATE INDEX role_assignment_town_path ON role_assignment (town_id, area_path);

-- In-app notifications, one per recipient and occasion, range-partitioned by month (retention by DROP,
-- never DELETE). The text is a message key with arguments so it reads in the reader's language; each
-- argument is {"text": ...} (same in every language), {"key": ...} (a message key) or {"zh": ..., "en": ...}.
-- The recipient is a global account: no foreign key, so old partitions drop without touching accounts.
CREATE TABLE notification (
    id           bigint NOT NULL DEFAULT nextval('haolin_id'),
    created_at   timestamptz NOT NULL,
    town_id      bigint NOT NULL,
    area_id      bigint NOT NULL,
    area_path    text COLLATE "C" NOT NULL,
    recipient_id bigint NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('TAGS_LANDED', 'ZONE_LEVEL_CHANGED')),
    message_key  text NOT NULL,
    message_args jsonb NOT NULL DEFAULT '[]',
    link         text,
    read_at      timestamptz,
    PRIMARY KEY (town_id, id, created_at)
) PARTITION BY RANGE (created_at);
CREATE TABLE notification_pdefault PARTITION OF notification DEFAULT;
CREATE INDEX notification_inbox ON notification (town_id, recipient_id, created_at DESC);
CREATE INDEX notification_unread ON notification (town_id, recipient_id) WHERE read_at IS NULL;

-- Creates the monthly partition of a time-partitioned table holding the given instant, if missing.
CREATE FUNCTION ensure_month_partition(parent text, month_of timestamptz) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    first_day date := date_trunc('month', month_of)::date;
    name text := parent || '_p' || to_char(first_day, 'YYYYMM');
BEGIN
    IF to_regclass(name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                       name, parent, first_day, (first_day + interval '1 month')::date);
    END IF;
END $$;
SELECT ensure_month_partition('notification', now() + make_interval(months => m)) FROM generate_series(0, 2) AS m;
