-- The time step of the last accepted one-time code: a code once used cannot be used again.
ALTER TABLE account ADD COLUMN totp_last_step bigint;

-- The audit page reads a town's rows newest first and pages by (at, id).
CREATE INDEX audit_event_town_at_id ON audit_event (town_id, at DESC, id DESC);
