package org.haolin.pairing;

/** How close a helper's own area is to the resident's stairwell: suggestions prefer the nearest. */
public enum Nearness {
    BUILDING, COMPOUND, AREA
}
