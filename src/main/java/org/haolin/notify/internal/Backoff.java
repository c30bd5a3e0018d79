package org.haolin.notify.internal;

import java.time.Duration;

/**
 * When to try a failed delivery again: 30 s after the first failure, doubling each time (1 min, 2 min, ...)
 * up to 30 min; after {@link #MAX_ATTEMPTS} attempts the delivery is given up as failed (about an hour
 * after the first try), for a town admin to look at and retry.
 */
public final class Backoff {

    public static final int MAX_ATTEMPTS = 8;
    static final Duration FIRST = Duration.ofSeconds(30);
    static final Duration CAP = Duration.ofMinutes(30);

    private Backoff() {
    }

    /** The wait after the given number of attempts failed, or null when that was the last attempt. */
    public static Duration after(int failedAttempts) {
        if (failedAttempts >= MAX_ATTEMPTS) {
            return null;
        }
        Duration wait = FIRST.multipliedBy(1L << Math.min(failedAttempts - 1, 16));
        return wait.compareTo(CAP) > 0 ? CAP : wait;
    }
}
