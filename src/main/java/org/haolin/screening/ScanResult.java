package org.haolin.screening;

import java.time.OffsetDateTime;

/**
 * The answer to one scan. For a REPEAT, {@code earlierAt} and {@code earlierTube} tell when and into which tube
 * the person was first sampled in this campaign.
 */
public record ScanResult(String clientId, ScanOutcome outcome, Long checkinId, ScannedPerson person,
                         TubeState tube, OffsetDateTime earlierAt, String earlierTube) {

    public static ScanResult rejected(String clientId, ScanOutcome outcome) {
        return new ScanResult(clientId, outcome, null, null, null, null, null);
    }

    public boolean recorded() {
        return outcome == ScanOutcome.RECORDED || outcome == ScanOutcome.REPEAT;
    }
}
