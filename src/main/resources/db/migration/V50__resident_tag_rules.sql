-- Rules a catalogue tag carries: how long it holds attention before ending by itself, whether it puts the
-- resident on the door-to-door list for screening, whether screening must treat them separately (single
-- tube, own time), and which roles over the resident's stairwell are told when it lands.
ALTER TABLE tag
    ADD COLUMN attention_days    integer CHECK (attention_days BETWEEN 1 AND 366),
    ADD COLUMN door_to_door      boolean NOT NULL DEFAULT false,
    ADD COLUMN screen_separately boolean NOT NULL DEFAULT false,
    ADD COLUMN notify_roles      text[]  NOT NULL DEFAULT '{}';

UPDATE tag SET notify_roles = '{BUILDING_LEADER,SOCIAL_WORKER}', screen_separately = true
 WHERE category = 'KEY_GROUP';
UPDATE tag SET screen_separately = false WHERE code IN ('RECENTLY_VACCINATED', 'MOBILE_WORKER');
-- Home health monitoring after hospital, cabin hospital or quarantine, and after a positive turned negative.
UPDATE tag SET attention_days = 7
 WHERE code IN ('DISCHARGED_FROM_HOSPITAL', 'OUT_OF_CABIN_HOSPITAL', 'OUT_OF_CENTRAL_QUARANTINE',
                'RECOVERED_POSITIVE', 'RETURNED_FROM_SUPPORT_WORK');
UPDATE tag SET attention_days = 3 WHERE code IN ('RETURNED_FROM_MEDICAL_VISIT', 'RECENTLY_VACCINATED');
UPDATE tag SET door_to_door = true
 WHERE code IN ('NEEDS_DOOR_TO_DOOR_TESTING', 'ELDERLY_80_LIVING_ALONE', 'SEVERELY_DISABLED_NO_WORK',
                'RECOVERED_POSITIVE', 'OUT_OF_CABIN_HOSPITAL', 'DISCHARGED_FROM_HOSPITAL');

-- Office lists and sweeps find the tags they brought by their reference (list id, sweep round).
CREATE INDEX resident_tag_source_ref ON resident_tag (town_id, source, source_ref) WHERE source_ref IS NOT NULL;
