package org.haolin;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The clock every {@link HaolinTest} shares: real time plus an offset a test may move forward, e.g. past a
 * lockout. A test that moves it puts it back ({@link #reset()}) when it ends, since the context is shared.
 */
@TestComponent
@Primary
public class MovableClock extends Clock {

    private final Clock real = Clock.systemDefaultZone();
    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(real.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset);
    }
}
