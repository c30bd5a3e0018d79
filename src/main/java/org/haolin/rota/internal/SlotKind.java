package org.haolin.rota.internal;

/** A slot of a duty post, or a residential-area worker's daily seat. */
public enum SlotKind {
    POST, SEAT
}
