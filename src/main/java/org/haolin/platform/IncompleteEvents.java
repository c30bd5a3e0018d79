package org.haolin.platform;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Gives events whose listener failed (a database hiccup, a node stopping mid-way) another go. Publications are
 * not republished at start-up, since with several nodes each would do it; instead one node at a time, every
 * minute, resubmits those still incomplete after five minutes. Listeners write in their own transaction, so
 * a failed attempt left nothing behind to be written twice.
 */
@Component
class IncompleteEvents {

    static final Duration GRACE = Duration.ofMinutes(5);

    private final IncompleteEventPublications incomplete;

    IncompleteEvents(IncompleteEventPublications incomplete) {
        this.incomplete = incomplete;
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    @SchedulerLock(name = "platform.incompleteEvents")
    void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(GRACE);
    }
}
