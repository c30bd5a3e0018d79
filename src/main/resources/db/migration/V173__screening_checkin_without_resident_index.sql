-- Whether a person was sampled is asked of their first scan (screening_checkin_first, unique on non-repeat rows:
-- a person with any scan has one), so the scan table no longer keeps a (campaign, resident) index beside it. At a
-- peak each scan writes one index entry fewer, in a random place of the index.
DROP INDEX screening_checkin_resident;
