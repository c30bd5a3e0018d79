-- A building's lists read the expected residents of one campaign under a path prefix: lead with the town
-- (SCALING rule 2) so this index, not the primary key, answers "town, campaign, building".
CREATE INDEX campaign_expected_town_place ON campaign_expected (town_id, campaign_id, area_path, room);
DROP INDEX campaign_expected_place;
