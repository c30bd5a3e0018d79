package org.haolin.inspection;

/** Someone of a residential area's staff who may own a rectification task there. */
public record StaffMember(long accountId, String name) {
}
