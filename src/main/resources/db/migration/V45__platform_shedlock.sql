-- Scheduled jobs take a lock here so that with several nodes each run happens once (SCALING rule 11).
-- Local to the coordinator: not a tenant table.
CREATE TABLE shedlock (
    name       varchar(64)  NOT NULL PRIMARY KEY,
    lock_until timestamptz  NOT NULL,
    locked_at  timestamptz  NOT NULL,
    locked_by  varchar(255) NOT NULL
);
