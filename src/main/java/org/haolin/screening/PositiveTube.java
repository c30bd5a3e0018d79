package org.haolin.screening;

import java.time.OffsetDateTime;
import java.util.List;

/** A positive tube with the people in it that the viewer may see. */
public record PositiveTube(long tubeId, String code, OffsetDateTime resultAt, String resultByName,
                           List<TracedPerson> people) {

    public PositiveTube {
        people = List.copyOf(people);
    }
}
