package org.haolin.plan.internal;

import org.haolin.area.ZoneLevelChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A compound's new zone level makes another staffing current: its short posts are recomputed at once, inside the
 * zone change's own transaction, so whoever looks next sees the flags. A building's change leaves them be (the
 * compound's level decides its posts).
 */
@Component
class ZoneLevelShortages {

    private final ShortageBook shortages;

    ZoneLevelShortages(ShortageBook shortages) {
        this.shortages = shortages;
    }

    @EventListener
    void on(ZoneLevelChanged changed) {
        shortages.recompute(changed.areaId());
    }
}
