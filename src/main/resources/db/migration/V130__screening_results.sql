-- Tube results and positive tubes: notifications may now be about a positive tube, and the results page
-- lists a campaign's latest results without reading every tube.
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('TAGS_LANDED', 'ZONE_LEVEL_CHANGED', 'PAIRING_ATTENTION', 'POSITIVE_TUBE'));

CREATE INDEX tube_result_recent ON tube (town_id, campaign_id, result_at DESC) WHERE result IS NOT NULL;
