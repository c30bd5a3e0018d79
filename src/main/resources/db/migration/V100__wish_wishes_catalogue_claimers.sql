-- The wish list (圆梦). A wish belongs to a resident's stairwell (area_id, area_path) and to its compound, the only
-- place a claimer is told about. The resident is private: never shown on the board.

-- The government service catalogue (星管家): a triaged wish may be routed to one of its items.
CREATE TABLE wish_service_item (
    id             bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id        bigint  NOT NULL,
    name           text    NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    provider       text    NOT NULL CHECK (length(provider) BETWEEN 1 AND 100),
    promised_hours integer NOT NULL CHECK (promised_hours BETWEEN 1 AND 8760),
    UNIQUE (town_id, name)
);

-- Organisations that claim wishes from the public board, and which claimer account speaks for which one.
CREATE TABLE wish_claimer_org (
    id       bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id  bigint NOT NULL,
    name     text   NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    org_type text   NOT NULL CHECK (org_type IN ('GOVERNMENT', 'SOCIAL', 'MARKET')),
    UNIQUE (town_id, name)
);
CREATE TABLE wish_claimer_account (
    account_id bigint PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    town_id    bigint NOT NULL,
    org_id     bigint NOT NULL REFERENCES wish_claimer_org (id)
);

CREATE TABLE wish (
    id                 bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id            bigint NOT NULL,
    area_id            bigint NOT NULL REFERENCES area (id),
    area_path          text COLLATE "C" NOT NULL,
    compound_id        bigint NOT NULL REFERENCES area (id),
    resident_id        bigint NOT NULL REFERENCES resident (id),
    category           text   NOT NULL CHECK (category IN ('TRANSPORT', 'MEDICINE', 'MEDICAL_VISIT', 'SUPPLIES',
                           'PASSES_AND_DOCUMENTS', 'BANK_AND_SERVICES', 'EMOTIONAL_SUPPORT', 'OTHER')),
    description        text   NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
    needed_by          date,
    origin             text   NOT NULL CHECK (origin IN ('CHECK_IN', 'HOTLINE', 'STAFF')),
    state              text   NOT NULL DEFAULT 'NEW' CHECK (state IN ('NEW', 'ROUTED_TO_SERVICE', 'PUBLISHED',
                           'CLAIMED', 'FULFILLED', 'CLOSED', 'REOPENED')),
    service_item_id    bigint REFERENCES wish_service_item (id),
    promised_by        timestamptz,
    claimed_by         bigint,
    claimed_by_org     text,
    fulfil_note        text CHECK (length(fulfil_note) <= 1000),
    check_in_id        bigint,
    created_by_name    text   NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    fulfilled_at       timestamptz,
    version            integer NOT NULL DEFAULT 1
);
CREATE INDEX wish_scope ON wish (town_id, area_path, state);
CREATE INDEX wish_board ON wish (town_id, needed_by) WHERE state = 'PUBLISHED';
-- A check-in's need becomes one wish however often its event is delivered.
CREATE UNIQUE INDEX wish_from_check_in ON wish (town_id, check_in_id) WHERE check_in_id IS NOT NULL;

-- Every state change, when and by whom.
CREATE TABLE wish_history (
    id          bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id     bigint NOT NULL,
    wish_id     bigint NOT NULL REFERENCES wish (id),
    area_path   text COLLATE "C" NOT NULL,
    from_state  text,
    to_state    text   NOT NULL,
    at          timestamptz NOT NULL,
    by_account  bigint,
    by_name     text   NOT NULL,
    note        text CHECK (length(note) <= 1000)
);
CREATE INDEX wish_history_wish ON wish_history (town_id, wish_id, at);
