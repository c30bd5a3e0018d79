-- One compound, one plan (一小区一方案): each compound's plan, versioned and effective-dated, lists its duty
-- posts (党员岗/点位长) by type, each with a point leader, duties, the people on it and the staffing it needs at
-- each zone level. The compound's current zone level picks which staffing applies.

CREATE TABLE post_type (
    code     text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,40}$'),
    name_zh  text    NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 20),
    name_en  text    NOT NULL CHECK (length(name_en) BETWEEN 1 AND 60),
    active   boolean NOT NULL DEFAULT true,
    sort_key integer NOT NULL
);
INSERT INTO post_type (code, name_zh, name_en, sort_key) VALUES
    ('SAMPLING', '核酸检测/抗原筛查', 'Sampling (nucleic acid / antigen)', 1),
    ('GATE_DUTY', '门岗值守', 'Gate duty', 2),
    ('DISINFECTION', '环境消杀', 'Disinfection', 3),
    ('SUPPLIES', '物资保供', 'Supplies', 4),
    ('MEDICAL_VISITS', '配药就医', 'Medicine and medical visits', 5),
    ('WORK_RESUMPTION', '复工复产', 'Work resumption', 6),
    ('HARDSHIP_PAIRING', '特困结对', 'Hardship pairing', 7);

-- A version of a compound's plan. DRAFT versions are edited; publishing one gives it an effective date, and the
-- plan in force on a day is the published version with the latest effective_from on or before it.
CREATE TABLE compound_plan (
    id              bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id         bigint  NOT NULL,
    area_id         bigint  NOT NULL REFERENCES area (id),
    area_path       text COLLATE "C" NOT NULL,
    version_no      integer NOT NULL CHECK (version_no >= 1),
    state           text    NOT NULL DEFAULT 'DRAFT' CHECK (state IN ('DRAFT', 'PUBLISHED')),
    effective_from  date,
    note            text    CHECK (length(note) <= 1000),
    created_by_name text    NOT NULL,
    created_at      timestamptz NOT NULL,
    published_at    timestamptz,
    version         integer NOT NULL DEFAULT 0,
    UNIQUE (area_id, version_no),
    CHECK (state = 'DRAFT' OR effective_from IS NOT NULL)
);
CREATE INDEX compound_plan_scope ON compound_plan (town_id, area_path);

-- A duty post of a plan version. Shift times are the post's daily hours (a rota may split them later).
CREATE TABLE plan_post (
    id               bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id          bigint  NOT NULL,
    area_id          bigint  NOT NULL,
    area_path        text COLLATE "C" NOT NULL,
    plan_id          bigint  NOT NULL REFERENCES compound_plan (id),
    type_code        text    NOT NULL REFERENCES post_type (code),
    name             text    NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    place            text    CHECK (length(place) <= 200),
    duties           text    CHECK (length(duties) <= 2000),
    leader_person_id bigint  REFERENCES workforce_person (id),
    shift_start      time    NOT NULL DEFAULT '08:00',
    shift_end        time    NOT NULL DEFAULT '17:00',
    sort_key         integer NOT NULL DEFAULT 0,
    UNIQUE (plan_id, name),
    CHECK (shift_end > shift_start)
);
CREATE INDEX plan_post_plan ON plan_post (plan_id, sort_key);
CREATE INDEX plan_post_scope ON plan_post (town_id, area_path);

-- How many people a post needs at each zone level (a level without a row needs nobody).
CREATE TABLE plan_post_staffing (
    town_id       bigint  NOT NULL,
    post_id       bigint  NOT NULL REFERENCES plan_post (id),
    zone_level    text    NOT NULL CHECK (zone_level IN ('SEALED', 'CONTROLLED', 'PREVENTION', 'NORMAL')),
    people_needed integer NOT NULL CHECK (people_needed BETWEEN 0 AND 200),
    PRIMARY KEY (post_id, zone_level)
);

-- The people standing at a post (the point leader among them or not).
CREATE TABLE plan_post_member (
    town_id   bigint NOT NULL,
    area_id   bigint NOT NULL,
    area_path text COLLATE "C" NOT NULL,
    post_id   bigint NOT NULL REFERENCES plan_post (id),
    person_id bigint NOT NULL REFERENCES workforce_person (id),
    PRIMARY KEY (post_id, person_id)
);
CREATE INDEX plan_post_member_person ON plan_post_member (town_id, person_id);

-- Posts short of people at their compound's current zone level, kept current on every plan edit, publication
-- and zone-level change; the cockpit and the plans page read it (one row per short post in force).
CREATE TABLE post_shortage (
    town_id       bigint  NOT NULL,
    area_id       bigint  NOT NULL,
    area_path     text COLLATE "C" NOT NULL,
    post_id       bigint  NOT NULL PRIMARY KEY REFERENCES plan_post (id),
    zone_level    text    NOT NULL,
    people_needed integer NOT NULL,
    people_on     integer NOT NULL,
    flagged_at    timestamptz NOT NULL
);
CREATE INDEX post_shortage_scope ON post_shortage (town_id, area_path);
