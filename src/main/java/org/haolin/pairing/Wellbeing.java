package org.haolin.pairing;

/** How the resident was found on a check-in. */
public enum Wellbeing {
    FINE, NEEDS_HELP, NOT_REACHED
}
