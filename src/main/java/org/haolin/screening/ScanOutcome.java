package org.haolin.screening;

/** What became of one scan. Only RECORDED and REPEAT leave a check-in row. */
public enum ScanOutcome {
    /** The person's first sample in this campaign. */
    RECORDED,
    /** Recorded, but the person was already sampled in this campaign: a warning, not counted twice. */
    REPEAT,
    /** Not a valid personal code (misread, forged, or revoked). */
    UNKNOWN_CODE,
    /** The tube already holds as many samples as it may. */
    TUBE_FULL,
    /** The tube was closed by hand. */
    TUBE_CLOSED,
    /** The person or the tube belongs elsewhere: another town, another point's tube, outside the point's area. */
    NOT_AT_THIS_POINT,
    /** The campaign is not open (planned or closed). */
    CAMPAIGN_NOT_OPEN,
    /** The scan itself is malformed (client id, code and resident together or neither, tube code, time). */
    INVALID
}
