package org.haolin.screening.internal;

/**
 * Another writer stored a scan of this batch between its reads and its write: the same client id, or the first
 * scan of a person this batch also took for a first scan. The batch's counts were written for that scan too, so
 * it is rolled back and decided again from fresh reads, when the stored scan answers for itself or reads as the
 * earlier one.
 */
final class StoredMeanwhile extends RuntimeException {

    StoredMeanwhile() {
        super("a scan of the batch was stored by another writer meanwhile", null, false, false);
    }
}
