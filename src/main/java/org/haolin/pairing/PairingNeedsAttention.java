package org.haolin.pairing;

import java.util.List;

/**
 * Pairings of one town need someone's attention: their contact is overdue, or the helper could not reach the
 * resident twice in a row. One event per town and watch (not per pairing), so a morning with thousands of
 * lapses is one piece of work. Carries places and people, never residents' names or numbers.
 */
public record PairingNeedsAttention(long townId, Reason reason, List<Lapse> lapses) {

    public PairingNeedsAttention {
        lapses = List.copyOf(lapses);
    }

    /** One pairing: the resident, their stairwell, their helper. */
    public record Lapse(long residentId, long stairwellId, String stairwellPath, long helperId) {
    }

    public enum Reason {
        /** Past the time by which the helper should have been in touch. */
        OVERDUE,
        /** "Could not reach" twice in a row: staff must find out why. */
        NOT_REACHED_TWICE
    }
}
