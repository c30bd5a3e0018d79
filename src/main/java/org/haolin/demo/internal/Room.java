package org.haolin.demo.internal;

/** A flat in a stairwell (by the stairwell's index among the planned areas), e.g. "502". */
record Room(int stairwell, String number) {
}
