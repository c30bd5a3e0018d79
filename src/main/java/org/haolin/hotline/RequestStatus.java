package org.haolin.hotline;

import org.haolin.platform.DomainException;

/** A hotline request is open, being worked on, or done; it only moves forward. */
public enum RequestStatus {
    OPEN, IN_PROGRESS, DONE;

    public RequestStatus to(RequestStatus target) {
        if (target.ordinal() <= ordinal()) {
            throw DomainException.conflict("hotline.illegal." + name());
        }
        return target;
    }
}
