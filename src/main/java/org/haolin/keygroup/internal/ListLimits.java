package org.haolin.keygroup.internal;

/**
 * What one office list may hold. A town's key-group list is a few thousand rows; 50,000 leaves room for a
 * city-wide push to one town and keeps one list within one transaction of a few seconds.
 */
public final class ListLimits {

    public static final int MAX_ROWS = 50_000;
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    public static final long MAX_UNPACKED_BYTES = 512L * 1024 * 1024;
    static final int MAX_COLUMNS = 100;
    static final int HEADER_SEARCH_ROWS = 10;

    private ListLimits() {
    }

    public static String maxMegabytes() {
        return String.valueOf(MAX_BYTES / (1024 * 1024));
    }
}
