-- Client-made keys of wishes made through the API: the same key (per account) answers with the wish it made.
CREATE TABLE wish_request (
    account_id      bigint NOT NULL,
    idempotency_key text   NOT NULL CHECK (length(idempotency_key) BETWEEN 8 AND 80),
    town_id         bigint NOT NULL,
    wish_id         bigint NOT NULL REFERENCES wish (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, idempotency_key)
);
