package org.haolin.screening;

import org.haolin.platform.DomainException;
import org.springframework.http.HttpStatus;

/** Too many scans are waiting to be committed: the device keeps them and sends them again shortly. */
public class ScansOverloaded extends DomainException {

    public static final int RETRY_AFTER_SECONDS = 2;

    public ScansOverloaded() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "screening.scan.overloaded");
    }
}
