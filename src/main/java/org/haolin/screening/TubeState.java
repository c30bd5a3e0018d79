package org.haolin.screening;

/** A tube as the station sees it: people counts every sample put in it (repeats too). */
public record TubeState(String code, int people, int capacity, boolean closed) {
}
