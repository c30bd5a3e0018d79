-- Key-group lists pushed by the town epidemic office, and their rows as matched to residents.
-- Tenant tables: town_id, area_id and area_path on every row (SCALING rule 1).

-- A list belongs to one town (area = the town). The office's reference, or else the hash of the content,
-- makes a second push of the same list find the first one (SCALING rule 5).
CREATE TABLE keygroup_list (
    id              bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id         bigint NOT NULL,
    area_id         bigint NOT NULL REFERENCES area (id),
    area_path       text COLLATE "C" NOT NULL,
    reference       text CHECK (length(reference) BETWEEN 1 AND 100),
    content_hash    bytea  NOT NULL,
    tag_code        text   NOT NULL,
    title           text   NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    origin          text   NOT NULL CHECK (origin IN ('UPLOAD', 'API')),
    row_count       integer NOT NULL,
    created_by      bigint NOT NULL,
    created_by_name text   NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    applied_by      bigint,
    applied_by_name text,
    applied_at      timestamptz
);
CREATE UNIQUE INDEX keygroup_list_reference ON keygroup_list (town_id, reference) WHERE reference IS NOT NULL;
CREATE UNIQUE INDEX keygroup_list_content ON keygroup_list (town_id, content_hash) WHERE reference IS NULL;
CREATE INDEX keygroup_list_town ON keygroup_list (town_id, created_at DESC);

-- One row of a list. Its area is where it is placed so far: the matched resident's stairwell, else the
-- deepest area its address or candidates share, else the town; that decides who may see and resolve it.
-- ID number and phone as on resident: ciphertext (to register the person if they are not known yet) and
-- the masked form; never in clear.
CREATE TABLE keygroup_row (
    id                  bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id             bigint NOT NULL,
    area_id             bigint NOT NULL,
    area_path           text COLLATE "C" NOT NULL,
    residential_area_id bigint,
    list_id             bigint NOT NULL REFERENCES keygroup_list (id),
    row_number          integer NOT NULL,
    name                text   NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    id_number_enc       bytea,
    id_number_masked    text,
    phone_enc           bytea,
    phone_masked        text,
    address             text CHECK (length(address) <= 200),
    room                text,
    stairwell_id        bigint,
    valid_from          timestamptz,
    valid_to            timestamptz,
    status              text   NOT NULL CHECK (status IN ('ACTIVE', 'ENDED')),
    outcome             text   NOT NULL CHECK (outcome IN ('MATCHED', 'AMBIGUOUS', 'UNMATCHED')),
    matched_by          text CHECK (matched_by IN ('ID_NUMBER', 'PHONE', 'NAME_ADDRESS')),
    resident_id         bigint REFERENCES resident (id),
    candidate_ids       bigint[] NOT NULL DEFAULT '{}',
    resolution          text CHECK (resolution IN ('PICKED', 'CREATED', 'RETURNED')),
    return_reason       text CHECK (length(return_reason) <= 500),
    resolved_by         bigint,
    resolved_by_name    text,
    resolved_at         timestamptz,
    applied_at          timestamptz,
    UNIQUE (town_id, list_id, row_number)
);
CREATE INDEX keygroup_row_list ON keygroup_row (town_id, list_id, area_path);
-- The rows still waiting for a person, by area: the "waiting for me" view and the cockpit's counts.
CREATE INDEX keygroup_row_waiting ON keygroup_row (town_id, area_path)
    WHERE resolution IS NULL AND outcome <> 'MATCHED';
