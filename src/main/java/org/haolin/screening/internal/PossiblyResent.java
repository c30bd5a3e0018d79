package org.haolin.screening.internal;

/**
 * A batch decided without looking its client ids up met a scan that may have been sent before: the insert
 * found its client id stored, or the scan was refused (a refusal must not replace the answer its first sending
 * got). The batch is rolled back and decided again, looking its client ids up first, so a resent scan gets its
 * first answer and takes no second place in a tube. At a peak nearly every client id is new and nearly every
 * scan is taken, so the look-up is left to the few batches that need it.
 */
final class PossiblyResent extends RuntimeException {

    PossiblyResent() {
        super("a scan of the batch may have been sent before", null, false, false);
    }
}
