-- Weekly building sweeps (扫楼). A round per residential area per ISO week (its Monday, in the town's zone);
-- every stairwell below the area is due in it. Tenant tables: town_id, area_id and area_path on every row.
CREATE TABLE sweep_round (
    id             bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id        bigint NOT NULL,
    area_id        bigint NOT NULL REFERENCES area (id),
    area_path      text COLLATE "C" NOT NULL,
    week           date   NOT NULL CHECK (extract(isodow FROM week) = 1),
    due_at         timestamptz NOT NULL,
    opened_by      bigint,
    opened_by_name text   NOT NULL,
    opened_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (town_id, area_id, week)
);
CREATE INDEX sweep_round_scope ON sweep_round (town_id, area_path, week);
CREATE INDEX sweep_round_week ON sweep_round (week, town_id);

-- A stairwell's part in a round: due when the round opens, completed when every resident is marked.
CREATE TABLE sweep_stairwell (
    town_id           bigint NOT NULL,
    round_id          bigint NOT NULL REFERENCES sweep_round (id),
    area_id           bigint NOT NULL REFERENCES area (id),
    area_path         text COLLATE "C" NOT NULL,
    completed_at      timestamptz,
    completed_by      bigint,
    completed_by_name text,
    PRIMARY KEY (round_id, area_id)
);
-- The stairwell list asks for its stairwell's last completed sweep: one index lookup.
CREATE INDEX sweep_stairwell_last ON sweep_stairwell (town_id, area_id, completed_at DESC) WHERE completed_at IS NOT NULL;

-- Each stairwell's sweep team of three (楼组长, 党小组长, 志愿服务队长); it walks every round.
CREATE TABLE sweep_team_member (
    town_id       bigint NOT NULL,
    area_id       bigint NOT NULL REFERENCES area (id),
    area_path     text COLLATE "C" NOT NULL,
    team_role     text   NOT NULL CHECK (team_role IN ('BUILDING_LEADER', 'PARTY_GROUP_LEADER', 'VOLUNTEER_LEADER')),
    account_id    bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    account_name  text   NOT NULL,
    assigned_by   bigint,
    assigned_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (town_id, area_id, team_role)
);
CREATE INDEX sweep_team_member_account ON sweep_team_member (account_id);

-- One mark per resident per round, saved one at a time. version counts the saves: a save names the version
-- its author saw, so a save over someone else's newer mark is refused instead of overwriting it.
CREATE TABLE sweep_mark (
    id             bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id        bigint NOT NULL,
    round_id       bigint NOT NULL REFERENCES sweep_round (id),
    area_id        bigint NOT NULL REFERENCES area (id),
    area_path      text COLLATE "C" NOT NULL,
    resident_id    bigint NOT NULL REFERENCES resident (id),
    presence       text CHECK (presence IN ('PRESENT', 'OUT_TO_WORK', 'LEFT_THE_CITY', 'MOVED_OUT')),
    medical_staff  boolean NOT NULL DEFAULT false,
    police         boolean NOT NULL DEFAULT false,
    volunteer      boolean NOT NULL DEFAULT false,
    status_before  text   NOT NULL,
    status_after   text   NOT NULL,
    found_new      boolean NOT NULL DEFAULT false,
    tags_changed   boolean NOT NULL DEFAULT false,
    changed        boolean GENERATED ALWAYS AS (found_new OR tags_changed OR status_after <> status_before) STORED,
    version        integer NOT NULL DEFAULT 1,
    marked_by      bigint,
    marked_by_name text   NOT NULL,
    marked_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (round_id, resident_id)
);
CREATE INDEX sweep_mark_stairwell ON sweep_mark (town_id, area_id, round_id);

-- Client-made keys of marks sent through the API: the same key answers with the mark it made.
CREATE TABLE sweep_mark_request (
    town_id         bigint NOT NULL,
    round_id        bigint NOT NULL REFERENCES sweep_round (id),
    idempotency_key text   NOT NULL CHECK (length(idempotency_key) BETWEEN 8 AND 80),
    resident_id     bigint NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (round_id, idempotency_key)
);
