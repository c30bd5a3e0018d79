package org.haolin.access;

/** An enabled account holding a role on an area: someone to tell about what happens there. */
public record Holder(long accountId, Role role, String areaPath, String email) {
}
