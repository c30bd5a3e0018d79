package org.haolin.resident;

import java.text.Normalizer;

/**
 * Cleans what people type or paste from Excel/WPS: full-width letters, digits and spaces become
 * half-width (NFKC), invisible characters go, runs of white space become one space, ends are trimmed.
 */
public final class InputText {

    private InputText() {
    }

    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC)
                .replaceAll("[\\u200B-\\u200D\\uFEFF\\u00A0\\u3000]", " ");
        return folded.replaceAll("\\s+", " ").strip();
    }

    /** Like clean, and without any white space at all: for ID numbers, phones and room numbers. */
    public static String compact(String raw) {
        return clean(raw).replace(" ", "").replace("-", "");
    }

    /** ID numbers: compact and upper case (a trailing x is an X). */
    public static String idNumber(String raw) {
        return compact(raw).toUpperCase();
    }

    /** Mainland mobile numbers (11 digits from 1[3-9]), optionally with +86; landlines with area code. */
    public static boolean isPhone(String compact) {
        return compact.matches("(\\+?86)?1[3-9]\\d{9}") || compact.matches("0\\d{2,3}\\d{7,8}");
    }

    public static String phone(String raw) {
        String compact = compact(raw);
        return compact.replaceFirst("^\\+?86(?=1[3-9]\\d{9}$)", "");
    }
}
