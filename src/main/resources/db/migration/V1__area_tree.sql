-- The jurisdiction tree: district > town > residential area > compound > building > stairwell.
-- One id sequence for every table (SCALING rule 4: bigint from one sequence, no meaning in ids).
CREATE SEQUENCE haolin_id START 1000 CACHE 50;

-- The tree is a reference table (replicated to every node later). Its path is the chain of ids,
-- each followed by a dot, so "everything under X" is a prefix match on a C-collated btree.
CREATE TABLE area (
    id          bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    parent_id   bigint REFERENCES area (id),
    level       text   NOT NULL CHECK (level IN ('DISTRICT', 'TOWN', 'RESIDENTIAL_AREA', 'COMPOUND', 'BUILDING', 'STAIRWELL')),
    town_id     bigint,
    code        text,
    name        text   NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    path        text COLLATE "C" NOT NULL UNIQUE,
    zone_level  text   NOT NULL DEFAULT 'NORMAL' CHECK (zone_level IN ('SEALED', 'CONTROLLED', 'PREVENTION', 'NORMAL')),
    sort_key    integer NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    version     integer NOT NULL DEFAULT 0,
    CHECK (level = 'DISTRICT' OR town_id IS NOT NULL),
    UNIQUE (parent_id, name)
);
CREATE INDEX area_children ON area (parent_id, sort_key, name);
CREATE INDEX area_town_level ON area (town_id, level);

-- Every zone-level change, with who, when and why. Current level lives on area.zone_level.
CREATE TABLE zone_level_change (
    id              bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id         bigint NOT NULL,
    area_id         bigint NOT NULL REFERENCES area (id),
    area_path       text COLLATE "C" NOT NULL,
    from_level      text   NOT NULL,
    to_level        text   NOT NULL,
    reason          text   NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    changed_by      bigint NOT NULL,
    changed_by_name text   NOT NULL,
    changed_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zone_level_change_area ON zone_level_change (town_id, area_id, changed_at DESC);
