package org.haolin.resident;

/** The full ID number and phone, for the one person who asked, with a reason, and was allowed. */
public record Unmasked(long residentId, String idNumber, String phone) {
}
