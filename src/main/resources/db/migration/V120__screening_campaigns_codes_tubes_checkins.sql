-- Screening campaigns (核酸/抗原筛查). The shape every screening part builds on: the campaign and its sampling
-- points and staff, who is expected, personal codes, tubes, the scans (check-ins) and the progress rollup.

-- Screening types are a reference table the town may extend; tube_size is the default mixing (10-in-1, ...).
CREATE TABLE screening_type (
    code      text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,40}$'),
    name_zh   text    NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 40),
    name_en   text    NOT NULL CHECK (length(name_en) BETWEEN 1 AND 80),
    tube_size integer NOT NULL CHECK (tube_size BETWEEN 1 AND 20),
    active    boolean NOT NULL DEFAULT true,
    sort_key  integer NOT NULL DEFAULT 0
);
INSERT INTO screening_type (code, name_zh, name_en, tube_size, sort_key) VALUES
    ('NUCLEIC_ACID', '核酸检测', 'Nucleic acid test', 10, 1),
    ('ANTIGEN', '抗原检测', 'Antigen test', 1, 2),
    ('OTHER', '其他筛查', 'Other screening', 1, 3);

-- A tag rule: residents with this tag are not expected at a screening (e.g. they have left the city).
ALTER TABLE tag ADD COLUMN screening_exempt boolean NOT NULL DEFAULT false;
UPDATE tag SET screening_exempt = true WHERE code = 'LEFT_THE_CITY';

-- The campaign covers an area (the town or any area inside it). tube_size: people per mixed tube (1 = single).
CREATE TABLE campaign (
    id              bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id         bigint NOT NULL,
    area_id         bigint NOT NULL REFERENCES area (id),
    area_path       text COLLATE "C" NOT NULL,
    type_code       text   NOT NULL REFERENCES screening_type (code),
    name            text   NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    -- the campaign's day: the partition key of its scans, fixed when the campaign is made
    campaign_day    date   NOT NULL,
    tube_size       integer NOT NULL CHECK (tube_size BETWEEN 1 AND 20),
    state           text   NOT NULL DEFAULT 'PLANNED' CHECK (state IN ('PLANNED', 'OPEN', 'CLOSED')),
    expected_count  integer NOT NULL DEFAULT 0,
    created_by      bigint,
    created_by_name text   NOT NULL,
    created_at      timestamptz NOT NULL,
    version         integer NOT NULL DEFAULT 0,
    CHECK (ends_at > starts_at)
);
CREATE INDEX campaign_scope ON campaign (town_id, area_path, starts_at DESC);

-- A sampling point (采样点) of a campaign, placed in an area (usually a compound) and serving it.
CREATE TABLE campaign_point (
    id          bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id     bigint NOT NULL,
    area_id     bigint NOT NULL REFERENCES area (id),
    area_path   text COLLATE "C" NOT NULL,
    campaign_id bigint NOT NULL REFERENCES campaign (id),
    name        text   NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    place       text   CHECK (length(place) <= 200),
    UNIQUE (campaign_id, name)
);
CREATE INDEX campaign_point_scope ON campaign_point (town_id, area_path);

-- The people who work a point (scanners, samplers, the point leader).
CREATE TABLE campaign_point_staff (
    town_id      bigint NOT NULL,
    area_id      bigint NOT NULL,
    area_path    text COLLATE "C" NOT NULL,
    point_id     bigint NOT NULL REFERENCES campaign_point (id),
    account_id   bigint NOT NULL REFERENCES account (id),
    account_name text   NOT NULL,
    duty         text   NOT NULL DEFAULT 'SCANNER' CHECK (duty IN ('LEADER', 'SCANNER', 'SAMPLER')),
    PRIMARY KEY (point_id, account_id)
);
CREATE INDEX campaign_point_staff_account ON campaign_point_staff (town_id, account_id);

-- Who is expected, fixed when the campaign is planned (and recounted until it opens): residents living in the
-- area minus the exempt; door_to_door and separately come from the residents' tag rules.
CREATE TABLE campaign_expected (
    town_id      bigint  NOT NULL,
    area_id      bigint  NOT NULL,
    area_path    text COLLATE "C" NOT NULL,
    campaign_id  bigint  NOT NULL REFERENCES campaign (id),
    resident_id  bigint  NOT NULL,
    room         text    NOT NULL,
    door_to_door boolean NOT NULL DEFAULT false,
    separately   boolean NOT NULL DEFAULT false,
    PRIMARY KEY (town_id, campaign_id, resident_id)
);
CREATE INDEX campaign_expected_place ON campaign_expected (campaign_id, area_path, room);

-- Personal codes (个人码): the QR code carries only the row id and a keyed signature, never ID number, phone or
-- name. Revoking sets revoked_at; reissuing makes a new row. One current code per resident.
CREATE TABLE personal_code (
    id             bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id        bigint NOT NULL,
    area_id        bigint NOT NULL,
    area_path      text COLLATE "C" NOT NULL,
    resident_id    bigint NOT NULL REFERENCES resident (id),
    issued_at      timestamptz NOT NULL,
    issued_by_name text   NOT NULL,
    revoked_at     timestamptz,
    revoked_by_name text,
    revoke_reason  text CHECK (length(revoke_reason) <= 200)
);
CREATE UNIQUE INDEX personal_code_current ON personal_code (town_id, resident_id) WHERE revoked_at IS NULL;

-- A tube (试管): mixed (up to the campaign's tube_size people) or single; opened by scanning its code at a point,
-- closed when full or by hand. Results: NEGATIVE / POSITIVE / INVALID.
CREATE TABLE tube (
    id           bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id      bigint NOT NULL,
    area_id      bigint NOT NULL,
    area_path    text COLLATE "C" NOT NULL,
    campaign_id  bigint NOT NULL REFERENCES campaign (id),
    point_id     bigint NOT NULL REFERENCES campaign_point (id),
    code         text   NOT NULL CHECK (code ~ '^[A-Za-z0-9-]{4,40}$'),
    capacity     integer NOT NULL CHECK (capacity BETWEEN 1 AND 20),
    people       integer NOT NULL DEFAULT 0,
    opened_at    timestamptz NOT NULL,
    opened_by    bigint,
    closed_at    timestamptz,
    result       text CHECK (result IN ('NEGATIVE', 'POSITIVE', 'INVALID')),
    result_at    timestamptz,
    result_by_name text,
    result_source text CHECK (result_source IN ('ENTERED', 'IMPORTED')),
    UNIQUE (town_id, campaign_id, code),
    CHECK (people <= capacity)
);
CREATE INDEX tube_positive ON tube (town_id, campaign_id) WHERE result = 'POSITIVE';

-- Scans (check-ins), partitioned by the campaign's day (SCALING rule 8). client_id is made by the scanning
-- device, so a retried or replayed scan is accepted once: (campaign, client_id) is unique and the partition key
-- is fixed per campaign. The resident's stairwell is area_id/area_path; repeat marks a person scanned again.
CREATE TABLE screening_checkin (
    id           bigint NOT NULL DEFAULT nextval('haolin_id'),
    town_id      bigint NOT NULL,
    area_id      bigint NOT NULL,
    area_path    text COLLATE "C" NOT NULL,
    campaign_id  bigint NOT NULL,
    campaign_day date   NOT NULL,
    client_id    text   NOT NULL CHECK (length(client_id) BETWEEN 8 AND 64),
    resident_id  bigint NOT NULL,
    point_id     bigint NOT NULL,
    tube_id      bigint,
    scanned_at   timestamptz NOT NULL,
    received_at  timestamptz NOT NULL,
    scanned_by   bigint NOT NULL,
    repeat       boolean NOT NULL DEFAULT false,
    PRIMARY KEY (town_id, id, campaign_day),
    UNIQUE (town_id, campaign_id, client_id, campaign_day)
) PARTITION BY RANGE (campaign_day);
CREATE TABLE screening_checkin_pdefault PARTITION OF screening_checkin DEFAULT;
CREATE INDEX screening_checkin_resident ON screening_checkin (campaign_id, resident_id);
CREATE INDEX screening_checkin_tube ON screening_checkin (tube_id) WHERE tube_id IS NOT NULL;

-- The progress rollup (SCALING rule 9): expected and sampled per stairwell of a campaign, kept in step by the
-- transaction that records the scans, so progress pages never count scans.
CREATE TABLE campaign_progress (
    town_id               bigint  NOT NULL,
    area_id               bigint  NOT NULL,
    area_path             text COLLATE "C" NOT NULL,
    campaign_id           bigint  NOT NULL REFERENCES campaign (id),
    expected              integer NOT NULL DEFAULT 0,
    sampled               integer NOT NULL DEFAULT 0,
    door_to_door_expected integer NOT NULL DEFAULT 0,
    door_to_door_sampled  integer NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, area_id)
);
CREATE INDEX campaign_progress_place ON campaign_progress (campaign_id, area_path);
