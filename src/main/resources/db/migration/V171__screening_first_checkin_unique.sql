-- At most one first (non-repeat) check-in per person and campaign, held by the database itself: scan writers
-- commit side by side (several per node, several nodes), and a person's first scan recorded by one of them
-- makes the other's attempt fail instead of counting the person twice. It also serves the writer's look-up of
-- each person's first check-in.
CREATE UNIQUE INDEX screening_checkin_first ON screening_checkin (town_id, campaign_id, resident_id, campaign_day)
    WHERE NOT repeat;
