package org.haolin.access;

/** A role on an area as account pages show it: with the area's readable name. */
public record RoleAssignment(long id, Role role, long areaId, String areaLabel) {
}
