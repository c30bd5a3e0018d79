package org.haolin.sweep.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.haolin.sweep.SweepRounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Opens each week's rounds for the areas swept the week before, early every day in the town's zone (not
 * only on Monday, so a node that was down on Monday catches up; opening is idempotent).
 */
@Component
class WeeklyRounds {

    private static final Logger log = LoggerFactory.getLogger(WeeklyRounds.class);

    private final SweepRounds rounds;

    WeeklyRounds(SweepRounds rounds) {
        this.rounds = rounds;
    }

    @Scheduled(cron = "0 5 0 * * *", zone = "${haolin.zone:Asia/Shanghai}")
    @SchedulerLock(name = "sweep.openWeeklyRounds", lockAtMostFor = "PT10M")
    void openThisWeeksRounds() {
        int opened = rounds.openCarriedOver();
        if (opened > 0) {
            log.info("Sweep rounds carried over to this week: {}", opened);
        }
    }
}
