-- audit_event_town_at_id (town_id, at DESC, id DESC) serves every look-up by town and time that this older index
-- served (an index reads both ways); each audited action, one per scan at a screening peak, now writes one index
-- entry fewer.
DROP INDEX audit_event_town_at;
