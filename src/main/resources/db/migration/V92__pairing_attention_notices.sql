-- Notifications may now also be about a pairing that needs attention (overdue, or not reached twice).
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('TAGS_LANDED', 'ZONE_LEVEL_CHANGED', 'PAIRING_ATTENTION'));
