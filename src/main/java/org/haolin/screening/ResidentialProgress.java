package org.haolin.screening;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A residential area's part of a campaign: expected and sampled, door-to-door expected and sampled. */
public record ResidentialProgress(long areaId, String name, int expected, int sampled, int doorToDoorExpected,
                                  int doorToDoorSampled) {

    /** Sampled out of expected, in whole percent (null when nobody is expected). */
    @JsonProperty
    public Integer percent() {
        return expected == 0 ? null : (int) Math.floor(100.0 * Math.min(sampled, expected) / expected);
    }

    @JsonProperty
    public Integer doorToDoorPercent() {
        return doorToDoorExpected == 0 ? null
                : (int) Math.floor(100.0 * Math.min(doorToDoorSampled, doorToDoorExpected) / doorToDoorExpected);
    }

    ResidentialProgress plus(ResidentialProgress other) {
        return new ResidentialProgress(areaId, name, expected + other.expected, sampled + other.sampled,
                doorToDoorExpected + other.doorToDoorExpected, doorToDoorSampled + other.doorToDoorSampled);
    }
}
