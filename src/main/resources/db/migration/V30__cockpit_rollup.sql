-- The town overview reads these rollups instead of joining over whole towns on each request
-- (SCALING rule 9). One row per area, from the town down to each stairwell, and figure:
-- residents, residents in at least one key group, residents in at least one hardship category,
-- and residents per current tag (figure TAG with its code). Rows whose count falls to zero are
-- removed, so a missing row means zero. Refreshed per town by INSERT ... SELECT ... ON CONFLICT.
CREATE TABLE cockpit_count (
    town_id        bigint  NOT NULL,
    area_id        bigint  NOT NULL,
    area_path      text COLLATE "C" NOT NULL,
    figure         text    NOT NULL CHECK (figure IN ('RESIDENTS', 'KEY_GROUP', 'HARDSHIP', 'TAG')),
    tag_code       text    NOT NULL DEFAULT '' CHECK ((figure = 'TAG') = (tag_code <> '')),
    resident_count integer NOT NULL CHECK (resident_count > 0),
    PRIMARY KEY (town_id, area_id, figure, tag_code)
);
CREATE INDEX cockpit_count_path ON cockpit_count (town_id, area_path);

-- Per town: when its figures were last counted (the overview shows it as "as of"; null until the first
-- count), and since when they are known to be out of date (set when residents change, cleared by the
-- next count, so a burst of changes such as an import costs one count). A count locks this row first,
-- so two counts of one town never interleave and no change is marked while one runs.
CREATE TABLE cockpit_refresh (
    town_id      bigint      PRIMARY KEY,
    refreshed_at timestamptz,
    stale_since  timestamptz,
    rows_changed integer     NOT NULL DEFAULT 0
);
CREATE INDEX cockpit_refresh_stale ON cockpit_refresh (stale_since) WHERE stale_since IS NOT NULL;
