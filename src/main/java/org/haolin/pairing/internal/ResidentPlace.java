package org.haolin.pairing.internal;

/** Where a resident lives: their town and stairwell. */
public record ResidentPlace(long residentId, long townId, long stairwellId, String stairwellPath, String name) {
}
