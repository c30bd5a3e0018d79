package org.haolin.platform;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads an ISO-8601 timestamp with an offset ({@code 2026-11-29T08:15:30.123Z}, {@code ...+08:00}) as the
 * instant it names, in UTC, as Jackson's own reader does. The common shape (what browsers' {@code toISOString()}
 * and Java's {@code OffsetDateTime.toString()} write) is taken apart by position; anything else goes to
 * {@link OffsetDateTime#parse}, which also makes the error for a malformed one. At a screening peak every scan
 * carries one, and the general formatter took a twentieth of a check-in's request CPU (measured).
 */
public final class IsoTimestamps {

    private IsoTimestamps() {
    }

    /** The instant the text names, in UTC; throws {@link DateTimeParseException} for a malformed one. */
    public static OffsetDateTime parse(CharSequence text) {
        OffsetDateTime quick = quick(text);
        return (quick != null ? quick : OffsetDateTime.parse(text)).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)}, or null for any other shape or a field out of range. */
    private static OffsetDateTime quick(CharSequence s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int at = 19;
        int nanos = 0;
        if (s.charAt(at) == '.') {
            int start = ++at;
            while (at < n && at - start < 9 && isDigit(s.charAt(at))) {
                nanos = nanos * 10 + (s.charAt(at++) - '0');
            }
            if (at == start) {
                return null;
            }
            for (int i = at - start; i < 9; i++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(s, at);
        if ((year | month | day | hour | minute | second) < 0 || offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException e) {
            return null; // out of range: the general parser words the error
        }
    }

    /** {@code Z} or {@code ±HH:MM} ending the text at {@code at}, else null. */
    private static ZoneOffset offset(CharSequence s, int at) {
        int n = s.length();
        if (at == n - 1 && s.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        if (at != n - 6 || (s.charAt(at) != '+' && s.charAt(at) != '-') || s.charAt(at + 3) != ':') {
            return null;
        }
        int hours = digits(s, at + 1, 2);
        int minutes = digits(s, at + 4, 2);
        if ((hours | minutes) < 0 || hours > 18 || minutes > 59) {
            return null;
        }
        int sign = s.charAt(at) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** The number written by {@code count} digits from {@code from}, or -1 if one of them is not a digit. */
    private static int digits(CharSequence s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** For {@code @JsonDeserialize(using = IsoTimestamps.Reader.class)} on a field that gets such timestamps. */
    public static final class Reader extends StdScalarDeserializer<OffsetDateTime> {

        public Reader() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
            }
            String text = p.getString().trim();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return parse(text);
            } catch (DateTimeParseException e) {
                return (OffsetDateTime) ctxt.handleWeirdStringValue(OffsetDateTime.class, text, e.getMessage());
            }
        }
    }
}
