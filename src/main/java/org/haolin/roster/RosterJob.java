package org.haolin.roster;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An import or export as its owner follows it: where it stands, what it counted, and why a refused one
 * was refused. A job that stopped reporting while running (its server went down) reads as interrupted.
 */
public record RosterJob(long id, Kind kind, boolean dryRun, String fileName, State state, Phase phase, int doneRows,
                        Integer totalRows, ImportCounts counts, String problemKey, List<String> problemArgs,
                        long accountId, long townId, long areaId, String areaPath, OffsetDateTime createdAt,
                        OffsetDateTime finishedAt, boolean interrupted) {

    public enum Kind { IMPORT, EXPORT }

    public enum State { QUEUED, RUNNING, DONE, REFUSED, FAILED }

    public enum Phase { READING, CHECKING, SAVING, WRITING }

    public RosterJob {
        problemArgs = problemArgs == null ? List.of() : List.copyOf(problemArgs);
    }

    public boolean finished() {
        return state == State.DONE || state == State.REFUSED || state == State.FAILED || interrupted;
    }

    /** For the progress bar: reading is a fifth of the way, checking up to half, saving (or writing) the rest. */
    public int percent() {
        if (finished()) {
            return 100;
        }
        if (phase == null) {
            return 0;
        }
        double share = totalRows == null || totalRows == 0 ? 0 : Math.min(1.0, (double) doneRows / totalRows);
        return switch (phase) {
            case READING -> 10;
            case CHECKING -> 20 + (int) (30 * share);
            case SAVING -> 50 + (int) (50 * share);
            case WRITING -> (int) (100 * share);
        };
    }
}
