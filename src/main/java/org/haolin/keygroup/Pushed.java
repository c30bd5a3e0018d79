package org.haolin.keygroup;

/** What a push or upload did: the list, and whether it existed already (then nothing changed). */
public record Pushed(KeyGroupList list, boolean existing) {
}
