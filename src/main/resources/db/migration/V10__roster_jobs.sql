-- Roster imports and exports run as jobs a page can leave and come back to. Tenant table: the town, area
-- and path are those of the importer's scope (imports) or of the exported area (exports).
CREATE TABLE roster_job (
    id              bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id         bigint NOT NULL,
    area_id         bigint NOT NULL,
    area_path       text COLLATE "C" NOT NULL,
    kind            text   NOT NULL CHECK (kind IN ('IMPORT', 'EXPORT')),
    dry_run         boolean NOT NULL DEFAULT false,
    account_id      bigint NOT NULL,
    -- made by the client, so that a retried upload finds the job it already started
    idempotency_key text   NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 100),
    file_name       text   CHECK (length(file_name) <= 200),
    state           text   NOT NULL DEFAULT 'QUEUED' CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'REFUSED', 'FAILED')),
    phase           text,
    done_rows       integer NOT NULL DEFAULT 0,
    total_rows      integer,
    created_count   integer,
    updated_count   integer,
    unchanged_count integer,
    rejected_count  integer,
    -- why a whole file was refused: a message key and its arguments (never personal data)
    problem_key     text,
    problem_args    text[],
    -- rejected rows with their original cells: personal data, so AES-GCM encrypted JSON
    rejected_enc    bytea,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    UNIQUE (town_id, account_id, idempotency_key)
);
CREATE INDEX roster_job_owner ON roster_job (town_id, account_id, created_at DESC);
CREATE INDEX roster_job_scope ON roster_job (town_id, area_path);

-- The finished file of an export job (masked data only), kept in the database so any app node can serve it.
CREATE TABLE roster_job_file (
    job_id     bigint PRIMARY KEY REFERENCES roster_job (id) ON DELETE CASCADE,
    town_id    bigint NOT NULL,
    area_id    bigint NOT NULL,
    area_path  text COLLATE "C" NOT NULL,
    file_name  text   NOT NULL,
    content    bytea  NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
