package org.haolin.screening;

/** One result to record: the tube's code as printed on it, and the result as the lab wrote it. */
public record ResultEntry(String tubeCode, String result) {
}
