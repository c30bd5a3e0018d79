package org.haolin.access;

/** The object an audit row is about: its type, id, and where it lies in the tree. */
public record AuditedObject(String type, Long id, Long townId, String areaPath) {

    public static AuditedObject of(String type, Long id, Long townId, String areaPath) {
        return new AuditedObject(type, id, townId, areaPath);
    }
}
