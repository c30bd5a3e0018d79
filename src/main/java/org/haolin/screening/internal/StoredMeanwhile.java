package org.haolin.screening.internal;

/**
 * Between a batch's reads and its writes, another writer stored a scan the batch also wrote: the same client id
 * (a device's resend), or a first scan of the same person. The batch is rolled back and decided again from fresh
 * reads, which find that scan: a resend then answers as first sent, and this person's scan reads as a repeat.
 */
final class StoredMeanwhile extends RuntimeException {

    StoredMeanwhile() {
        super("a scan of the batch was stored by another writer meanwhile", null, false, false);
    }
}
