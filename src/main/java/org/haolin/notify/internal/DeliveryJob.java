package org.haolin.notify.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the outbox every few seconds, on one node at a time; a skipped run is caught up by the next. */
@Component
class DeliveryJob {

    private final Deliveries deliveries;

    DeliveryJob(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Scheduled(fixedDelayString = "${haolin.notify.delivery-interval:PT5S}", initialDelayString = "PT10S")
    @SchedulerLock(name = "notify.deliver", lockAtMostFor = "PT15M")
    void run() {
        deliveries.sendDue();
    }
}
