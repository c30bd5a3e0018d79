package org.haolin.screening.internal;

/**
 * The batch is rolled back and decided again from fresh reads, this time looking its client ids up first. Its
 * first try leaves them out (at a peak nearly every client id is new and nearly every scan is taken), so it is
 * decided again when a scan of it may have been sent before: the insert found its client id stored, or a scan was
 * refused (a refusal must not replace the answer its first sending got). The same holds when another writer
 * stored a scan of the batch meanwhile (its client id, or the first scan of a person this batch also took for a
 * first scan): then the stored scan answers for itself or reads as the earlier one.
 */
final class DecideAgain extends RuntimeException {

    DecideAgain(String why) {
        super(why, null, false, false);
    }
}
