package org.haolin.screening.internal;

/**
 * Another writer recorded the first scan of a person this batch also took for a first scan: the batch is
 * rolled back and decided again, when that scan reads as the earlier one and this one as a repeat.
 */
final class FirstScanTaken extends RuntimeException {

    FirstScanTaken() {
        super("a first scan of the batch was recorded by another writer meanwhile", null, false, false);
    }
}
