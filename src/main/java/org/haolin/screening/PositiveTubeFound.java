package org.haolin.screening;

import java.util.List;

/** A tube turned positive: the stairwells its people were scanned for, so their staff can be told. */
public record PositiveTubeFound(long townId, long campaignId, long tubeId, String tubeCode,
                                List<Long> stairwellAreaIds) {

    public PositiveTubeFound {
        stairwellAreaIds = List.copyOf(stairwellAreaIds);
    }
}
