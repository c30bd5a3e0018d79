package org.haolin.resident;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Cleans what people type or paste from Excel/WPS: full-width letters, digits and spaces become
 * half-width (NFKC), invisible characters go, runs of white space become one space, ends are trimmed.
 * Hand-written loops rather than regular expressions: an import cleans millions of cells.
 */
public final class InputText {

    private static final Pattern MOBILE = Pattern.compile("(\\+?86)?1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}\\d{7,8}");
    private static final Pattern COUNTRY_CODE = Pattern.compile("^\\+?86(?=1[3-9]\\d{9}$)");

    private InputText() {
    }

    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        boolean pendingSpace = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /** Like clean, and without any white space at all: for ID numbers, phones and room numbers. */
    public static String compact(String raw) {
        String clean = clean(raw);
        StringBuilder out = new StringBuilder(clean.length());
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c != ' ' && c != '-') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** ID numbers: compact and upper case (a trailing x is an X). */
    public static String idNumber(String raw) {
        return compact(raw).toUpperCase();
    }

    /** Mainland mobile numbers (11 digits from 1[3-9]), optionally with +86; landlines with area code. */
    public static boolean isPhone(String compact) {
        return MOBILE.matcher(compact).matches() || LANDLINE.matcher(compact).matches();
    }

    public static String phone(String raw) {
        String compact = compact(raw);
        return COUNTRY_CODE.matcher(compact).replaceFirst("");
    }

    /** ASCII white space, the zero-width characters and the no-break and ideographic spaces. */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u200B' && c <= '\u200D') || c == '\uFEFF'
                || c == '\u00A0' || c == '\u3000';
    }
}
