package org.haolin.wish.internal;

import org.haolin.pairing.NeedFound;
import org.haolin.wish.Wishes;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A need a helper wrote down at a check-in becomes a wish waiting for triage. The check-in already checked
 * who recorded it; the wish is made once per check-in however often the event arrives.
 */
@Component
class NeedsFoundAtCheckIns {

    private final Wishes wishes;

    NeedsFoundAtCheckIns(Wishes wishes) {
        this.wishes = wishes;
    }

    @ApplicationModuleListener
    void on(NeedFound need) {
        wishes.fromCheckIn(null, need.townId(), need.residentId(), need.text(), need.checkInId());
    }
}
