package org.haolin.pairing;

/**
 * A pairing needs someone's attention: its contact is overdue, or the helper could not reach the resident
 * twice in a row. Carries the place and the people, never the resident's name or numbers.
 */
public record PairingNeedsAttention(long townId, long residentId, long stairwellId, String stairwellPath,
                                    long helperId, Reason reason) {

    public enum Reason {
        /** Past the time by which the helper should have been in touch. */
        OVERDUE,
        /** "Could not reach" twice in a row: staff must find out why. */
        NOT_REACHED_TWICE
    }
}
