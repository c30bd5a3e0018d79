-- The overview lists the compounds and buildings under an area that are not at the normal zone level:
-- few rows, found by path prefix without reading the whole tree.
CREATE INDEX area_zoned ON area (path) WHERE zone_level <> 'NORMAL';
