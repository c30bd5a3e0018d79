-- The stairwell list asks for one stairwell's residents AND the reader's scope (town and area-path prefix).
-- With the old (area_id, room) index PostgreSQL also read the scope index for the whole town and ANDed the
-- bitmaps: for a town administrator that is every resident of the town on each request (50,000 index entries
-- in a city-scale benchmark). One index holding all three conditions answers with the stairwell's rows only.
-- Led by town_id (SCALING rule 2).
DROP INDEX resident_stairwell;
CREATE INDEX resident_stairwell ON resident (town_id, area_id, area_path, room);
