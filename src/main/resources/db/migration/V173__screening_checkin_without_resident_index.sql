-- A person is sampled in a campaign exactly when they have a first (non-repeat) check-in, and that row is held by
-- the unique index screening_checkin_first (town, campaign, resident, day) WHERE NOT repeat (V171). The building
-- lists and the station's search now ask that index, so the older (campaign, resident) index only cost every scan
-- one more index entry at the peak.
DROP INDEX screening_checkin_resident;
