-- Supervision (包保督查): supervisors visit residential areas with a checklist; every problem found becomes a
-- rectification task with an owner and a due date, followed until the supervisor closes it. Tenant tables carry
-- town, area and path on every row.

-- The checklist, the same for every town.
CREATE TABLE inspection_item (
    code     text PRIMARY KEY,
    position integer NOT NULL UNIQUE,
    name_zh  text NOT NULL,
    name_en  text NOT NULL
);
INSERT INTO inspection_item (code, position, name_zh, name_en) VALUES
    ('PROTECTION_STANDARD', 1, '防护标准落实', 'Protection standard kept'),
    ('GATE_DUTY',           2, '门岗值守', 'Gate duty'),
    ('LIST_ACCURACY',       3, '名单准确', 'List accuracy'),
    ('PAIRING_CONTACT',     4, '结对联系', 'Pairing contact'),
    ('SAMPLING_ORDER',      5, '采样秩序', 'Sampling order'),
    ('SUPPLIES',            6, '物资保障', 'Supplies'),
    ('DISINFECTION',        7, '环境消杀', 'Disinfection');

-- One visit to one residential area. The client id, made by the phone when the form was drawn, makes a resent
-- form harmless: the same id gives back the visit it first recorded.
CREATE TABLE inspection_visit (
    id              bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id         bigint NOT NULL,
    area_id         bigint NOT NULL REFERENCES area (id),
    area_path       text COLLATE "C" NOT NULL,
    supervisor_id   bigint NOT NULL,
    supervisor_name text   NOT NULL,
    visited_at      timestamptz NOT NULL,
    note            text CHECK (length(note) <= 1000),
    client_id       uuid   NOT NULL,
    UNIQUE (town_id, client_id)
);
CREATE INDEX inspection_visit_scope ON inspection_visit (town_id, area_path, visited_at DESC);

-- What the visit found for each checklist item.
CREATE TABLE inspection_check (
    visit_id  bigint NOT NULL REFERENCES inspection_visit (id),
    item_code text   NOT NULL REFERENCES inspection_item (code),
    town_id   bigint NOT NULL,
    area_id   bigint NOT NULL,
    area_path text COLLATE "C" NOT NULL,
    result    text   NOT NULL CHECK (result IN ('OK', 'FINDING', 'NOT_CHECKED')),
    note      text CHECK (length(note) <= 1000),
    PRIMARY KEY (visit_id, item_code),
    CHECK (result <> 'FINDING' OR length(note) > 0)
);

-- A finding to put right: owned by a member of the area's staff, due on a day, OPEN -> DONE (the owner reports)
-- -> CLOSED (the supervisor verifies), or back to REOPENED from DONE.
CREATE TABLE inspection_task (
    id          bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id     bigint NOT NULL,
    area_id     bigint NOT NULL REFERENCES area (id),
    area_path   text COLLATE "C" NOT NULL,
    visit_id    bigint NOT NULL REFERENCES inspection_visit (id),
    item_code   text   NOT NULL REFERENCES inspection_item (code),
    description text   NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
    owner_id    bigint NOT NULL,
    owner_name  text   NOT NULL,
    due_on      date   NOT NULL,
    state       text   NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'DONE', 'CLOSED', 'REOPENED')),
    created_at  timestamptz NOT NULL,
    closed_at   timestamptz,
    version     integer NOT NULL DEFAULT 0,
    UNIQUE (visit_id, item_code)
);
CREATE INDEX inspection_task_scope ON inspection_task (town_id, area_path, state);
CREATE INDEX inspection_task_owner ON inspection_task (town_id, owner_id, state);

-- Every change of a task's state: when, by whom, and what they said (the owner's report, the reason to reopen).
CREATE TABLE inspection_task_change (
    id         bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    task_id    bigint NOT NULL REFERENCES inspection_task (id),
    town_id    bigint NOT NULL,
    area_id    bigint NOT NULL,
    area_path  text COLLATE "C" NOT NULL,
    from_state text,
    to_state   text   NOT NULL,
    by_id      bigint NOT NULL,
    by_name    text   NOT NULL,
    note       text CHECK (length(note) <= 1000),
    at         timestamptz NOT NULL
);
CREATE INDEX inspection_task_change_task ON inspection_task_change (town_id, task_id, at);
