package org.haolin.screening;

import java.time.OffsetDateTime;

/** A tube with its result, for the list of results recorded lately. */
public record RecordedResult(long tubeId, String tubeCode, TubeResult result, OffsetDateTime resultAt,
                             String resultByName, String source, int people) {
}
