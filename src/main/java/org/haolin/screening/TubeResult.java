package org.haolin.screening;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A tube's laboratory result. */
public enum TubeResult {
    NEGATIVE, POSITIVE, INVALID;

    /** The words labs write, in Chinese or English, whatever the case or spacing. */
    private static final Map<String, TubeResult> WORDS = Map.ofEntries(
            Map.entry("阴性", NEGATIVE), Map.entry("阴", NEGATIVE), Map.entry("NEGATIVE", NEGATIVE), Map.entry("NEG", NEGATIVE),
            Map.entry("阳性", POSITIVE), Map.entry("阳", POSITIVE), Map.entry("POSITIVE", POSITIVE), Map.entry("POS", POSITIVE),
            Map.entry("无效", INVALID), Map.entry("INVALID", INVALID));

    public static Optional<TubeResult> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(WORDS.get(text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT)));
    }
}
