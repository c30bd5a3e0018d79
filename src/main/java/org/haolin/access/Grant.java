package org.haolin.access;

import java.io.Serializable;

/** One role assignment: a role on an area (and so on everything below it). */
public record Grant(Role role, long townId, long areaId, String areaPath) implements Serializable {

    public boolean covers(String path) {
        return path != null && path.startsWith(areaPath);
    }
}
