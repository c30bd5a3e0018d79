package org.haolin.screening;

/** Expected and sampled residents of a place in a campaign, and the same for those sampled at their door. */
public record Progress(long expected, long sampled, long doorToDoorExpected, long doorToDoorSampled) {

    public static final Progress NONE = new Progress(0, 0, 0, 0);

    public long waiting() {
        return Math.max(0, expected - sampled);
    }

    /** Whole per cent sampled, 0 when nobody is expected. */
    public int percent() {
        return expected == 0 ? 0 : (int) Math.min(100, sampled * 100 / expected);
    }

    public Progress plus(Progress other) {
        return new Progress(expected + other.expected, sampled + other.sampled,
                doorToDoorExpected + other.doorToDoorExpected, doorToDoorSampled + other.doorToDoorSampled);
    }
}
