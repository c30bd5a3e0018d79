package org.haolin.wish;

/** Where a wish was heard first. */
public enum WishOrigin {
    CHECK_IN, HOTLINE, STAFF
}
