package org.haolin.sweep;

import org.haolin.resident.ResidenceStatus;

import java.util.Optional;
import java.util.Set;

/**
 * Where a sweep found a resident, and what that means for the registry: the residence status, and the one
 * status tag that holds (going out to work and having left the city exclude each other; both end when the
 * resident is present or moved out).
 */
public enum Presence {
    PRESENT(ResidenceStatus.LIVING_HERE, null),
    OUT_TO_WORK(ResidenceStatus.AWAY, "WORKING_OUTSIDE"),
    LEFT_THE_CITY(ResidenceStatus.LEFT, "LEFT_THE_CITY"),
    MOVED_OUT(ResidenceStatus.MOVED_OUT, null);

    /** The tags a presence mark decides about. */
    public static final Set<String> STATUS_TAGS = Set.of("WORKING_OUTSIDE", "LEFT_THE_CITY");

    private final ResidenceStatus status;
    private final String tag;

    Presence(ResidenceStatus status, String tag) {
        this.status = status;
        this.tag = tag;
    }

    public ResidenceStatus status() {
        return status;
    }

    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }
}
