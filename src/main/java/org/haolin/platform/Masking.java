package org.haolin.platform;

/** How sensitive values are shown to those who may not see them in full. */
public final class Masking {

    private Masking() {
    }

    /** Mainland ID numbers keep their first 6 and last 4 characters; shorter documents keep the last 2. */
    public static String idNumber(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (value.length() > 10) {
            return value.substring(0, 6) + "*".repeat(value.length() - 10) + value.substring(value.length() - 4);
        }
        return keepLast(value, 2);
    }

    /** Phones keep their first 3 and last 4 digits. */
    public static String phone(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (value.length() >= 11) {
            return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
        }
        return keepLast(value, Math.min(4, value.length() / 2));
    }

    /** Names keep their first character (and their last, from three characters on): 张*国, 李*. */
    public static String name(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        int[] cps = value.codePoints().toArray();
        if (cps.length == 1) {
            return value;
        }
        String first = new String(cps, 0, 1);
        return cps.length == 2 ? first + "*"
                : first + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
    }

    public static String lastFour(String value) {
        return value == null || value.length() < 4 ? value : value.substring(value.length() - 4);
    }

    private static String keepLast(String value, int keep) {
        return "*".repeat(value.length() - keep) + value.substring(value.length() - keep);
    }
}
