-- Tags that end by themselves, by town and end time: the rollup's minute check finds the towns where one ran out
-- since they were last counted, instead of counting every town again every minute.
CREATE INDEX resident_tag_ends ON resident_tag (town_id, valid_to) WHERE valid_to IS NOT NULL;
