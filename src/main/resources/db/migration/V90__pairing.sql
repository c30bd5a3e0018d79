-- Pairings (一人一结对): each resident who must be paired has one current helper. Changing the helper ends the
-- current row and starts a new one, so the history stays. Tenant table: area_id/area_path are the resident's
-- stairwell. due_at (last check-in, or the start, plus the resident's frequency) is kept on the row so
-- "my residents" and the overdue list are index range reads.
CREATE TABLE pairing (
    id               bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id          bigint NOT NULL,
    area_id          bigint NOT NULL REFERENCES area (id),
    area_path        text COLLATE "C" NOT NULL,
    resident_id      bigint NOT NULL REFERENCES resident (id),
    helper_id        bigint NOT NULL REFERENCES account (id),
    helper_name      text   NOT NULL,
    started_at       timestamptz NOT NULL,
    started_by       bigint,
    started_by_name  text   NOT NULL,
    ended_at         timestamptz,
    ended_by         bigint,
    ended_by_name    text,
    end_reason       text CHECK (length(end_reason) <= 200),
    frequency_days   integer NOT NULL CHECK (frequency_days > 0),
    last_check_in_at timestamptz,
    last_condition   text,
    not_reached_run  integer NOT NULL DEFAULT 0,
    due_at           timestamptz NOT NULL,
    overdue_noticed  boolean NOT NULL DEFAULT false,
    CHECK (ended_at IS NULL OR ended_at >= started_at)
);
-- one current pairing per resident
CREATE UNIQUE INDEX pairing_current ON pairing (town_id, resident_id) WHERE ended_at IS NULL;
CREATE INDEX pairing_helper ON pairing (helper_id, due_at) WHERE ended_at IS NULL;
CREATE INDEX pairing_due ON pairing (town_id, due_at, area_path) WHERE ended_at IS NULL;
CREATE INDEX pairing_scope ON pairing (town_id, area_path) WHERE ended_at IS NULL;
CREATE INDEX pairing_history ON pairing (town_id, resident_id, started_at DESC);

-- Required check-in frequency per tag (reference table, town admins may edit it). A resident's frequency is
-- the strictest of their current tags that call for a pairing; tags without a row mean weekly.
CREATE TABLE pairing_frequency (
    tag_code   text PRIMARY KEY REFERENCES tag (code),
    every_days integer NOT NULL CHECK (every_days BETWEEN 1 AND 365)
);
INSERT INTO pairing_frequency (tag_code, every_days)
SELECT code, CASE code WHEN 'ELDERLY_80_LIVING_ALONE' THEN 1 WHEN 'DISPERSED_EXTREMELY_POOR' THEN 3 ELSE 7 END
FROM tag WHERE category = 'HARDSHIP';

-- Tags besides the hardship ones whose residents a town wants paired too (area = the town itself).
CREATE TABLE pairing_extra_tag (
    town_id   bigint NOT NULL,
    area_id   bigint NOT NULL REFERENCES area (id),
    area_path text COLLATE "C" NOT NULL,
    tag_code  text NOT NULL REFERENCES tag (code),
    PRIMARY KEY (town_id, tag_code)
);
