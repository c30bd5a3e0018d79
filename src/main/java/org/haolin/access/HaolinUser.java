package org.haolin.access;

import java.io.Serializable;
import java.util.List;

/**
 * The signed-in person as every module sees them. A system administrator manages accounts and
 * settings and holds no grants, so reads no resident data.
 */
public record HaolinUser(long accountId, String username, String displayName, boolean systemAdmin,
                         List<Grant> grants) implements Serializable {

    public HaolinUser {
        grants = List.copyOf(grants);
    }

    public boolean may(Permission permission) {
        return grants.stream().anyMatch(g -> g.role().grants(permission));
    }

    public boolean has(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    public boolean secondFactorRequired() {
        return systemAdmin || grants.stream().anyMatch(g -> g.role().secondFactorRequired());
    }
}
