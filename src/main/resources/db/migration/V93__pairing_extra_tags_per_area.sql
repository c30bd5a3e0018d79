-- A residential area chooses which tags besides the hardship ones call for a pairing there (area_id is the
-- residential area; its residents are those whose stairwell path starts with area_path).
ALTER TABLE pairing_extra_tag DROP CONSTRAINT pairing_extra_tag_pkey;
ALTER TABLE pairing_extra_tag ADD PRIMARY KEY (town_id, area_id, tag_code);
ALTER TABLE pairing_extra_tag
    ADD COLUMN added_by_name text NOT NULL DEFAULT '',
    ADD COLUMN added_at      timestamptz NOT NULL DEFAULT now();
