-- A task still with its owner after its due day is told to the owner once: the overdue watch marks it here.
ALTER TABLE inspection_task ADD COLUMN overdue_told boolean NOT NULL DEFAULT false;
CREATE INDEX inspection_task_overdue_watch ON inspection_task (town_id, due_on)
    WHERE state IN ('OPEN', 'REOPENED') AND NOT overdue_told;
