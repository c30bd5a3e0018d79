-- Notifications may now be about duty posts left short by a zone-level change or a plan edit, a published rota
-- or a shift swap, and a rectification task from a supervision visit.
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('TAGS_LANDED', 'ZONE_LEVEL_CHANGED', 'PAIRING_ATTENTION', 'POSITIVE_TUBE',
                    'POSTS_SHORT', 'ROTA_PUBLISHED', 'SHIFT_SWAP', 'RECTIFICATION'));
