package org.haolin.hotline;

/** A call or message as staff log it: the caller's name and phone as given, where, what, how urgent. */
public record NewCall(Long stairwellId, String callerName, String callerPhone, String topic, Urgency urgency) {
}
