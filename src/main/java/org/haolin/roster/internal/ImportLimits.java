package org.haolin.roster.internal;

/**
 * What one import may hold. 50 MB is far above a real town roster (100,000 rows from Excel are about 5 MB)
 * and well below what would hurt the server; the unpacked limit stops a small file that inflates hugely.
 */
public final class ImportLimits {

    public static final long MAX_BYTES = 50L * 1024 * 1024;
    public static final int MAX_ROWS = 200_000;
    public static final long MAX_UNPACKED_BYTES = 1024L * 1024 * 1024;
    public static final int MAX_COLUMNS = 100;
    /** The header row is looked for among the first rows of each sheet: a title may stand above it. */
    public static final int HEADER_SEARCH_ROWS = 10;

    private ImportLimits() {
    }

    public static String maxMegabytes() {
        return String.valueOf(MAX_BYTES / (1024 * 1024));
    }
}
