package org.haolin.cockpit.internal;

import org.haolin.resident.ResidentsChanged;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.concurrent.TimeUnit;

/**
 * Keeps the rollup current. A change to residents only marks their town out of date; every few seconds
 * the towns so marked are counted again (a burst of changes, such as an import, costs one count). Every
 * minute the towns where a tag simply ran out since their last count are counted again (the one change no
 * event announces), and every hour every town is, in case anything slipped by. Each town is counted in its
 * own transaction (SCALING rule 6); each run happens on one node at a time, and counting is idempotent.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class RollupRefresh {

    private static final Logger log = LoggerFactory.getLogger(RollupRefresh.class);

    private final TownRollup rollup;

    RollupRefresh(TownRollup rollup) {
        this.rollup = rollup;
    }

    @ApplicationModuleListener
    void on(ResidentsChanged changed) {
        rollup.markStale(changed.townId());
    }

    @Scheduled(fixedDelay = 5, initialDelay = 5, timeUnit = TimeUnit.SECONDS)
    @SchedulerLock(name = "cockpit.staleTowns")
    void refreshStaleTowns() {
        rollup.staleTowns().forEach(this::refresh);
    }

    @Scheduled(fixedDelay = 1, initialDelay = 0, timeUnit = TimeUnit.MINUTES)
    @SchedulerLock(name = "cockpit.tagsRunOut")
    void refreshTownsWithTagsRunOut() {
        rollup.townsWithTagsRunOut().forEach(this::refresh);
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    @SchedulerLock(name = "cockpit.everyTown")
    void refreshEveryTown() {
        rollup.towns().forEach(this::refresh);
    }

    private void refresh(long town) {
        try {
            rollup.refresh(town);
        } catch (RuntimeException e) {
            log.warn("Could not count town {} for the overview; trying again soon", town, e);
        }
    }
}
