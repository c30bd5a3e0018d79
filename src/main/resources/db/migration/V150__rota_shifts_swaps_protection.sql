-- The duty rota (定岗制度): a rota covers a residential area (or the town) over a period; its shifts are the
-- slots of duty posts (from the plans in force) and the seats of residential-area staff, each filled by a person
-- or left uncovered; a seat holder's rest day is covered by a substitute whose rank may cover theirs.

-- Who may cover whom on a rest day, per town (处级顶书记, 科级顶主任, 青年干部顶社工 unless the town says otherwise:
-- a town without rows uses those three).
CREATE TABLE rank_substitution (
    town_id        bigint NOT NULL,
    substitute_rank text  NOT NULL REFERENCES workforce_rank (code),
    covered_rank   text   NOT NULL REFERENCES workforce_rank (code),
    PRIMARY KEY (town_id, substitute_rank, covered_rank),
    CHECK (substitute_rank <> covered_rank)
);

CREATE TABLE rota (
    id               bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id          bigint  NOT NULL,
    area_id          bigint  NOT NULL REFERENCES area (id),
    area_path        text COLLATE "C" NOT NULL,
    name             text    NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    first_day        date    NOT NULL,
    days             integer NOT NULL CHECK (days BETWEEN 1 AND 62),
    state            text    NOT NULL DEFAULT 'DRAFT'
        CHECK (state IN ('DRAFT', 'SOLVING', 'SOLVED', 'INFEASIBLE', 'PUBLISHED')),
    -- the solver's score (e.g. "0hard/-1520soft") and, when a rule cannot be kept, which rule fails where:
    -- a JSON array of {"key": message key, "args": [...]} rendered in the reader's language
    score            text,
    problems         jsonb   NOT NULL DEFAULT '[]',
    solve_started_at timestamptz,
    solved_at        timestamptz,
    published_at     timestamptz,
    created_by_name  text    NOT NULL,
    created_at       timestamptz NOT NULL,
    version          integer NOT NULL DEFAULT 0
);
CREATE INDEX rota_scope ON rota (town_id, area_path, first_day DESC);

-- One slot of one day: a post's slot (post_id, slot 1..people needed) or a staff seat (seat_person_id: the worker
-- whose seat it is). person_id is who fills it (null: uncovered); substitute marks a seat covered by someone else.
CREATE TABLE rota_shift (
    id             bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id        bigint  NOT NULL,
    area_id        bigint  NOT NULL,
    area_path      text COLLATE "C" NOT NULL,
    rota_id        bigint  NOT NULL REFERENCES rota (id),
    day            date    NOT NULL,
    kind           text    NOT NULL CHECK (kind IN ('POST', 'SEAT')),
    post_id        bigint  REFERENCES plan_post (id),
    slot           integer NOT NULL DEFAULT 1,
    seat_person_id bigint  REFERENCES workforce_person (id),
    starts_at      time    NOT NULL,
    ends_at        time    NOT NULL,
    person_id      bigint  REFERENCES workforce_person (id),
    substitute     boolean NOT NULL DEFAULT false,
    version        integer NOT NULL DEFAULT 0,
    CHECK ((kind = 'POST') = (post_id IS NOT NULL)),
    CHECK ((kind = 'SEAT') = (seat_person_id IS NOT NULL)),
    CHECK (ends_at > starts_at)
);
CREATE UNIQUE INDEX rota_shift_slot ON rota_shift (rota_id, day, kind, coalesce(post_id, seat_person_id), slot);
CREATE INDEX rota_shift_person ON rota_shift (town_id, person_id, day);
CREATE INDEX rota_shift_scope ON rota_shift (town_id, area_path, day);

-- A person's wishes for days of a period (soft): a day they cannot work or would rather rest.
CREATE TABLE rota_preference (
    town_id   bigint NOT NULL,
    area_id   bigint NOT NULL,
    area_path text COLLATE "C" NOT NULL,
    person_id bigint NOT NULL REFERENCES workforce_person (id),
    day       date   NOT NULL,
    kind      text   NOT NULL CHECK (kind IN ('UNAVAILABLE', 'PREFERS_REST')),
    PRIMARY KEY (person_id, day)
);

-- The protection standard confirmed at the start of a shift (once; the client id makes a retried tap harmless).
CREATE TABLE shift_start (
    shift_id        bigint PRIMARY KEY REFERENCES rota_shift (id),
    town_id         bigint NOT NULL,
    area_id         bigint NOT NULL,
    area_path       text COLLATE "C" NOT NULL,
    person_id       bigint NOT NULL REFERENCES workforce_person (id),
    confirmed_items text[] NOT NULL,
    client_id       uuid   NOT NULL,
    confirmed_at    timestamptz NOT NULL,
    UNIQUE (town_id, client_id)
);

-- A request to hand a shift to someone else, approved or refused by staff who manage the rota.
CREATE TABLE shift_swap (
    id               bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id          bigint NOT NULL,
    area_id          bigint NOT NULL,
    area_path        text COLLATE "C" NOT NULL,
    shift_id         bigint NOT NULL REFERENCES rota_shift (id),
    from_person_id   bigint NOT NULL REFERENCES workforce_person (id),
    to_person_id     bigint NOT NULL REFERENCES workforce_person (id),
    reason           text   CHECK (length(reason) <= 500),
    state            text   NOT NULL DEFAULT 'REQUESTED' CHECK (state IN ('REQUESTED', 'APPROVED', 'REFUSED', 'CANCELLED')),
    refusal_key      text,
    decided_by_name  text,
    decided_at       timestamptz,
    created_at       timestamptz NOT NULL,
    version          integer NOT NULL DEFAULT 0,
    CHECK (from_person_id <> to_person_id)
);
CREATE INDEX shift_swap_scope ON shift_swap (town_id, area_path, state);
CREATE UNIQUE INDEX shift_swap_open ON shift_swap (shift_id) WHERE state = 'REQUESTED';
