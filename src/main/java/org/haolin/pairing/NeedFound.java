package org.haolin.pairing;

/** A helper found a need on a check-in: the wish list turns it into a wish. */
public record NeedFound(long townId, long residentId, long areaId, String areaPath, long checkInId, String text) {
}
