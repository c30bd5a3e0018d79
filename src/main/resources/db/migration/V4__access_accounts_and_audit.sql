-- Accounts are global (one login per person); what they may see comes from role assignments on areas.
CREATE TABLE account (
    id              bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    username        text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,40}$'),
    display_name    text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 60),
    password_hash   text NOT NULL,
    totp_secret_enc bytea,
    system_admin    boolean NOT NULL DEFAULT false,
    enabled         boolean NOT NULL DEFAULT true,
    failed_logins   integer NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE role_assignment (
    id         bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    account_id bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role       text   NOT NULL CHECK (role IN ('TOWN_ADMIN', 'EPIDEMIC_OFFICE', 'SUPERVISOR', 'AREA_SECRETARY',
                 'AREA_DIRECTOR', 'SOCIAL_WORKER', 'BUILDING_LEADER', 'PARTY_MEMBER', 'VOLUNTEER', 'PROPERTY_STAFF', 'CLAIMER')),
    town_id    bigint NOT NULL,
    area_id    bigint NOT NULL REFERENCES area (id),
    area_path  text COLLATE "C" NOT NULL,
    UNIQUE (account_id, role, area_id)
);

-- Bearer tokens for the API: only a SHA-256 of the token is kept.
CREATE TABLE api_token (
    id           bigint PRIMARY KEY DEFAULT nextval('haolin_id'),
    account_id   bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name         text   NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    token_hash   bytea  NOT NULL UNIQUE,
    token_prefix text   NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_token_account ON api_token (account_id);

-- Append-only audit trail, range-partitioned by month (retention by DROP, never DELETE).
-- No foreign keys, never the sensitive value itself.
CREATE TABLE audit_event (
    id          bigint NOT NULL DEFAULT nextval('haolin_id'),
    at          timestamptz NOT NULL DEFAULT now(),
    town_id     bigint,
    account_id  bigint,
    username    text NOT NULL,
    action      text NOT NULL,
    object_type text NOT NULL,
    object_id   bigint,
    area_path   text COLLATE "C",
    result      text NOT NULL,
    detail      text,
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE TABLE audit_event_pdefault PARTITION OF audit_event DEFAULT;
CREATE INDEX audit_event_town_at ON audit_event (town_id, at);
CREATE INDEX audit_event_account_at ON audit_event (account_id, at);
CREATE INDEX audit_event_object ON audit_event (object_type, object_id);

-- Creates the monthly partition holding the given instant, if missing. Called at start-up for the months ahead.
CREATE FUNCTION audit_event_ensure_partition(month_of timestamptz) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    first_day date := date_trunc('month', month_of)::date;
    name text := 'audit_event_p' || to_char(first_day, 'YYYYMM');
BEGIN
    IF to_regclass(name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF audit_event FOR VALUES FROM (%L) TO (%L)',
                       name, first_day, (first_day + interval '1 month')::date);
    END IF;
END $$;
SELECT audit_event_ensure_partition(now() + make_interval(months => m)) FROM generate_series(0, 2) AS m;

CREATE FUNCTION audit_event_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END $$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_reject_change();

-- Spring Session JDBC: sessions live in PostgreSQL so app nodes are stateless.
CREATE TABLE spring_session (
    primary_id            char(36) NOT NULL,
    session_id            char(36) NOT NULL,
    creation_time         bigint   NOT NULL,
    last_access_time      bigint   NOT NULL,
    max_inactive_interval integer  NOT NULL,
    expiry_time           bigint   NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);
CREATE TABLE spring_session_attributes (
    session_primary_id char(36)     NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
