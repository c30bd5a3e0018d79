-- At most one draft per compound, and no two published versions of a compound taking effect on the same day:
-- the plan in force on a day must be one version, and two people starting a new version at once get one draft.
CREATE UNIQUE INDEX compound_plan_one_draft ON compound_plan (area_id) WHERE state = 'DRAFT';
CREATE UNIQUE INDEX compound_plan_one_per_day ON compound_plan (area_id, effective_from) WHERE state = 'PUBLISHED';
