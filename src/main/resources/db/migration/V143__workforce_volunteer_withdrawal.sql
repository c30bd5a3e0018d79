-- A volunteer who leaves the pool keeps their row, consent and training: withdrawal is recorded, not deleted.
ALTER TABLE workforce_person
    ADD COLUMN withdrawn_at      timestamptz,
    ADD COLUMN withdrawn_by_name text;
-- The recruitment search leaves out residents already in the workforce of their town.
CREATE INDEX workforce_person_resident_lookup ON workforce_person (town_id) INCLUDE (resident_id)
    WHERE resident_id IS NOT NULL;
