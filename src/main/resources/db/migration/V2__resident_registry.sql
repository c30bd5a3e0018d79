-- Households and residents. Tenant tables: town_id, area_id (the stairwell) and area_path on every row.
CREATE TABLE household (
    id         bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id    bigint NOT NULL,
    area_id    bigint NOT NULL REFERENCES area (id),
    area_path  text COLLATE "C" NOT NULL,
    room       text   NOT NULL CHECK (length(room) BETWEEN 1 AND 20),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (town_id, area_id, room)
);

-- ID numbers and phones: AES-GCM ciphertext, a keyed hash for exact lookup, and the masked form
-- (which is all most people may see, and which the last-4 search uses).
CREATE TABLE resident (
    id               bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id          bigint NOT NULL,
    area_id          bigint NOT NULL REFERENCES area (id),
    area_path        text COLLATE "C" NOT NULL,
    household_id     bigint NOT NULL REFERENCES household (id),
    room             text   NOT NULL,
    name             text   NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    sex              text   CHECK (sex IN ('M', 'F')),
    birth_date       date,
    id_type          text   NOT NULL CHECK (id_type IN ('MAINLAND_ID', 'PASSPORT', 'HK_MACAU_PERMIT', 'TAIWAN_PERMIT')),
    id_number_enc    bytea  NOT NULL,
    id_number_hash   bytea  NOT NULL,
    id_number_masked text   NOT NULL,
    id_last4         text   NOT NULL,
    phone_enc        bytea,
    phone_hash       bytea,
    phone_masked     text,
    phone_last4      text,
    residence_status text   NOT NULL DEFAULT 'LIVING_HERE'
        CHECK (residence_status IN ('LIVING_HERE', 'AWAY', 'LEFT', 'MOVED_OUT')),
    notes            text   CHECK (length(notes) <= 1000),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    version          integer NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX resident_id_number ON resident (town_id, id_number_hash);
CREATE INDEX resident_stairwell ON resident (area_id, room);
CREATE INDEX resident_scope ON resident (town_id, area_path);
CREATE INDEX resident_phone ON resident (town_id, phone_hash);
CREATE INDEX resident_id_last4 ON resident (town_id, id_last4);
CREATE INDEX resident_phone_last4 ON resident (town_id, phone_last4);
CREATE INDEX resident_name ON resident (town_id, name text_pattern_ops);
CREATE INDEX resident_household ON resident (household_id);

-- The tag catalogue is a reference table.
CREATE TABLE tag (
    id        bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    code      text NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]{1,40}$'),
    category  text NOT NULL CHECK (category IN ('KEY_GROUP', 'HARDSHIP', 'OCCUPATION', 'STATUS')),
    name_zh   text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 40),
    name_en   text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 80),
    active    boolean NOT NULL DEFAULT true,
    sort_key  integer NOT NULL DEFAULT 0
);

-- A tag on a resident, with its period, source and author. Ending a tag sets valid_to; nothing is deleted.
CREATE TABLE resident_tag (
    id              bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id         bigint NOT NULL,
    area_id         bigint NOT NULL,
    area_path       text COLLATE "C" NOT NULL,
    resident_id     bigint NOT NULL REFERENCES resident (id),
    tag_id          bigint NOT NULL REFERENCES tag (id),
    valid_from      timestamptz NOT NULL DEFAULT now(),
    valid_to        timestamptz,
    source          text NOT NULL CHECK (source IN ('MANUAL', 'IMPORT', 'OFFICE_LIST', 'SWEEP')),
    source_ref      text,
    created_by      bigint,
    created_by_name text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    ended_by        bigint,
    ended_by_name   text,
    end_reason      text,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX resident_tag_resident ON resident_tag (resident_id, valid_from);
CREATE INDEX resident_tag_current ON resident_tag (town_id, tag_id, area_path) WHERE valid_to IS NULL;
