package org.haolin.sweep;

import org.haolin.resident.ResidenceStatus;

/** Small rules of the sweep that pages and the service share. */
public final class SweepRules {

    private SweepRules() {
    }

    /**
     * A stairwell is complete when every resident is marked, except those already registered as moved out
     * before the round and not marked in it: they stay on the list for its history but nobody lives there.
     */
    public static boolean needsMark(SheetLine line) {
        return line.marked() || line.resident().status() != ResidenceStatus.MOVED_OUT;
    }
}
