package org.haolin.pairing.internal;

import org.haolin.resident.ResidentsChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * When residents' tags change (a tag added or ended by hand, an office list, a sweep), the check-in frequency
 * and the due time of their current pairings follow: an 80+ resident now living alone is due daily at once.
 */
@Component
class FrequenciesFollowTags {

    private final PairingRules rules;
    private final Clock clock;

    FrequenciesFollowTags(PairingRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ResidentsChanged changed) {
        rules.refreshFrequencies(changed.townId(), OffsetDateTime.now(clock));
    }
}
