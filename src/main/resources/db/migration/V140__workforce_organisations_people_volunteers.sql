-- The workforce (一核四维) of each residential area: the Party organisation and the four forces as
-- organisations, the people who work in them with rank, skills and contact, Party members registered for
-- community service, and the volunteer pool (有生力量) with consent, training and the protection standard.
-- Tenant tables carry town, area and path; a person's area is where they serve (a residential area, or the town
-- for cadres sent down to cover rest days).

-- Ranks (reference): who may cover whom on a rest day is a rota rule (see rank_substitution).
CREATE TABLE workforce_rank (
    code     text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,40}$'),
    name_zh  text    NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 20),
    name_en  text    NOT NULL CHECK (length(name_en) BETWEEN 1 AND 60),
    -- a cadre sent down from the town (处级, 科级, 青年干部) rather than a residential-area worker
    cadre    boolean NOT NULL,
    sort_key integer NOT NULL
);
INSERT INTO workforce_rank (code, name_zh, name_en, cadre, sort_key) VALUES
    ('DIVISION', '处级', 'Division-level cadre', true, 1),
    ('SECTION', '科级', 'Section-level cadre', true, 2),
    ('YOUNG_CADRE', '青年干部', 'Young cadre', true, 3),
    ('SECRETARY', '书记', 'Party secretary', false, 4),
    ('DIRECTOR', '主任', 'Committee director', false, 5),
    ('SOCIAL_WORKER', '社工', 'Social worker', false, 6);

CREATE TABLE workforce_organisation (
    id        bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id   bigint NOT NULL,
    area_id   bigint NOT NULL REFERENCES area (id),
    area_path text COLLATE "C" NOT NULL,
    kind      text   NOT NULL CHECK (kind IN ('PARTY', 'RESIDENTS_COMMITTEE', 'OWNERS_COMMITTEE', 'PROPERTY', 'VOLUNTEERS')),
    name      text   NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    UNIQUE (area_id, kind, name)
);
CREATE INDEX workforce_organisation_scope ON workforce_organisation (town_id, area_path);

-- A person of the workforce. resident_id and account_id link the same person where they are also a resident
-- or have an account; the phone is kept like residents' phones (encrypted, shown masked).
CREATE TABLE workforce_person (
    id               bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id          bigint  NOT NULL,
    area_id          bigint  NOT NULL REFERENCES area (id),
    area_path        text COLLATE "C" NOT NULL,
    name             text    NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    rank_code        text    REFERENCES workforce_rank (code),
    skills           text[]  NOT NULL DEFAULT '{}',
    phone_enc        bytea,
    phone_masked     text,
    resident_id      bigint,
    account_id       bigint  REFERENCES account (id),
    party_member     boolean NOT NULL DEFAULT false,
    -- 社区报到党员: a Party member registered for service in this residential area
    party_registered boolean NOT NULL DEFAULT false,
    volunteer        boolean NOT NULL DEFAULT false,
    -- consent to join the volunteer pool: when, how and who recorded it (required while volunteer)
    consent_at       timestamptz,
    consent_method   text    CHECK (consent_method IN ('IN_PERSON', 'PHONE', 'WECHAT', 'WRITTEN')),
    consent_by_name  text,
    -- the most hours a week the rota may give this person
    max_hours_week   integer NOT NULL DEFAULT 48 CHECK (max_hours_week BETWEEN 1 AND 84),
    active           boolean NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL,
    version          integer NOT NULL DEFAULT 0,
    CHECK (NOT volunteer OR consent_at IS NOT NULL)
);
CREATE INDEX workforce_person_scope ON workforce_person (town_id, area_path);
CREATE UNIQUE INDEX workforce_person_resident ON workforce_person (town_id, resident_id) WHERE resident_id IS NOT NULL;
CREATE UNIQUE INDEX workforce_person_account ON workforce_person (town_id, account_id) WHERE account_id IS NOT NULL;

-- Membership: a person belongs to one or more organisations.
CREATE TABLE workforce_membership (
    town_id         bigint NOT NULL,
    area_id         bigint NOT NULL,
    area_path       text COLLATE "C" NOT NULL,
    person_id       bigint NOT NULL REFERENCES workforce_person (id),
    organisation_id bigint NOT NULL REFERENCES workforce_organisation (id),
    PRIMARY KEY (person_id, organisation_id)
);
CREATE INDEX workforce_membership_organisation ON workforce_membership (organisation_id);

-- Training a volunteer (or anyone of the workforce) completed.
CREATE TABLE workforce_training (
    id           bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id      bigint NOT NULL,
    area_id      bigint NOT NULL,
    area_path    text COLLATE "C" NOT NULL,
    person_id    bigint NOT NULL REFERENCES workforce_person (id),
    course       text   NOT NULL CHECK (length(course) BETWEEN 1 AND 80),
    completed_on date   NOT NULL,
    note         text   CHECK (length(note) <= 500),
    recorded_by  text   NOT NULL,
    recorded_at  timestamptz NOT NULL
);
CREATE INDEX workforce_training_person ON workforce_training (person_id, completed_on DESC);

-- The protection standard (防护标准): the checklist confirmed at the start of each shift (reference; a town
-- may switch items off or add its own codes).
CREATE TABLE protection_item (
    code     text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,40}$'),
    name_zh  text    NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 60),
    name_en  text    NOT NULL CHECK (length(name_en) BETWEEN 1 AND 120),
    active   boolean NOT NULL DEFAULT true,
    sort_key integer NOT NULL
);
INSERT INTO protection_item (code, name_zh, name_en, sort_key) VALUES
    ('HEALTH_CHECK', '体温正常、无发热咳嗽等症状', 'Temperature normal, no fever or cough', 1),
    ('MASK', '规范佩戴医用防护口罩（N95/KN95）', 'Medical protective mask (N95/KN95) worn properly', 2),
    ('GLOVES', '佩戴一次性手套', 'Disposable gloves on', 3),
    ('FACE_SHIELD', '佩戴护目镜或面屏（采样、上门时）', 'Goggles or face shield (sampling, home visits)', 4),
    ('GOWN', '按岗位穿戴隔离衣或防护服', 'Isolation gown or protective suit as the post requires', 5),
    ('HAND_HYGIENE', '上岗前完成手消毒', 'Hands disinfected before starting', 6),
    ('WASTE', '知晓防护用品脱卸与医疗废物处置流程', 'Knows how to take off protective gear and dispose of medical waste', 7);
