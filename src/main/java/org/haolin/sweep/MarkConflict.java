package org.haolin.sweep;

import org.haolin.platform.DomainException;
import org.springframework.http.HttpStatus;

/**
 * A save refused because someone else marked the resident since its author looked: nothing was written,
 * and the other person's mark comes back so the author can see it and decide.
 */
public class MarkConflict extends DomainException {

    private final transient Mark theirs;

    public MarkConflict(Mark theirs) {
        super(HttpStatus.CONFLICT, "sweep.mark.conflict", theirs.markedByName());
        this.theirs = theirs;
    }

    public Mark theirs() {
        return theirs;
    }
}
