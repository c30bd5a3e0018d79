-- The stairwell hotline (楼道热线): calls and messages staff log, each a request followed to its end. The caller's
-- phone is kept encrypted (shown masked), like residents' phones. Tenant tables: town, area and path on every row.
CREATE TABLE hotline_request (
    id                  bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    town_id             bigint NOT NULL,
    area_id             bigint NOT NULL REFERENCES area (id),
    area_path           text COLLATE "C" NOT NULL,
    caller_name         text   NOT NULL CHECK (length(caller_name) BETWEEN 1 AND 60),
    caller_phone_enc    bytea,
    caller_phone_masked text,
    topic               text   NOT NULL CHECK (length(topic) BETWEEN 1 AND 1000),
    urgency             text   NOT NULL CHECK (urgency IN ('LOW', 'NORMAL', 'URGENT')),
    status              text   NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE')),
    wish_id             bigint REFERENCES wish (id),
    logged_by           bigint,
    logged_by_name      text   NOT NULL,
    logged_at           timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX hotline_request_scope ON hotline_request (town_id, area_path, status);

-- Each stairwell's hotline contact, shown on its stairwell list.
CREATE TABLE hotline_contact (
    town_id      bigint NOT NULL,
    area_id      bigint NOT NULL REFERENCES area (id),
    area_path    text COLLATE "C" NOT NULL,
    name         text   NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    phone_enc    bytea  NOT NULL,
    phone_masked text   NOT NULL,
    PRIMARY KEY (town_id, area_id)
);
