package org.haolin.screening;

import java.time.OffsetDateTime;

/**
 * One scan at a sampling point, as the station's device made it: {@code clientId} is the device's own id for
 * this scan (a uuid), so a scan sent again after a lost answer is recorded once. The person is named by their
 * personal code or, when found by the station's search, by resident id; {@code tubeCode} names the tube the
 * sample goes into (none for a single test without a tube).
 */
public record Scan(String clientId, Long pointId, String code, Long residentId, String tubeCode,
                   OffsetDateTime scannedAt) {
}
