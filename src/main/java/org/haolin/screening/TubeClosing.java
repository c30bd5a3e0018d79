package org.haolin.screening;

/** Closing a tube by hand at a point (the device's clientId makes a resend harmless). */
public record TubeClosing(String clientId, Long pointId, String tubeCode) {
}
