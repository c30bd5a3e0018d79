package org.haolin.workforce;

/** One organisation of a residential area; the name is editable, the kind is not. */
public record Organisation(long id, long townId, long areaId, String areaPath, OrganisationKind kind, String name) {
}
