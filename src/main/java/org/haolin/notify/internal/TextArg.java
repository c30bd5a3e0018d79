package org.haolin.notify.internal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One argument of a stored notification text: plain text (the same in every language, e.g. a building's
 * name), a message key resolved in the reader's language, or a text made in both languages beforehand.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TextArg(String text, String key, String zh, String en) {

    public static TextArg plain(String text) {
        return new TextArg(text, null, null, null);
    }

    public static TextArg key(String key) {
        return new TextArg(null, key, null, null);
    }

    public static TextArg both(String zh, String en) {
        return new TextArg(null, null, zh, en);
    }
}
