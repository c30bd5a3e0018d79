package org.haolin.sweep;

/** Stairwells swept to completion out of those due. */
public record Coverage(int due, int swept) {

    public int percent() {
        return due == 0 ? 0 : (int) Math.floor(100.0 * swept / due);
    }
}
