package org.haolin.notify.internal;

/** A channel could not deliver; the message says why, for the town admin, and holds nothing personal. */
public class DeliveryFailed extends Exception {

    public DeliveryFailed(String message) {
        super(message);
    }

    public DeliveryFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
