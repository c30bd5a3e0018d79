package org.haolin.keygroup;

/** A row's status on the office's list: still watched (在管) or watching ended (解除), which ends the tag. */
public enum RowStatus {
    ACTIVE, ENDED
}
