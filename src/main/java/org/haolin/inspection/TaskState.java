package org.haolin.inspection;

import org.haolin.platform.DomainException;

/**
 * Where a rectification task stands: OPEN (the owner works on it) → DONE (the owner reported what was done) →
 * CLOSED (the supervisor saw it put right), or REOPENED (not put right; the owner works on it again). Any other
 * move is refused with the reason.
 */
public enum TaskState {
    OPEN, DONE, CLOSED, REOPENED;

    /** Waiting for its owner: the only states in which a task can be overdue. */
    public boolean awaitsOwner() {
        return this == OPEN || this == REOPENED;
    }

    TaskState reportDone() {
        if (!awaitsOwner()) {
            throw DomainException.conflict(this == DONE ? "inspection.task.alreadyDone" : "inspection.task.alreadyClosed");
        }
        return DONE;
    }

    TaskState close() {
        return verified(CLOSED);
    }

    TaskState reopen() {
        return verified(REOPENED);
    }

    private TaskState verified(TaskState to) {
        if (this == CLOSED) {
            throw DomainException.conflict("inspection.task.alreadyClosed");
        }
        if (this != DONE) {
            throw DomainException.conflict("inspection.task.notReportedDone");
        }
        return to;
    }
}
