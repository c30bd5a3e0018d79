package org.haolin.keygroup;

/** How a person settled a row matching left open. */
public enum Resolution {
    /** One of the candidates was picked. */
    PICKED,
    /** The person was registered as a new resident of the stairwell. */
    CREATED,
    /** The row went back to the office, with a reason. */
    RETURNED
}
