package org.haolin.access;

import java.io.Serializable;
import java.security.Principal;
import java.util.List;

/**
 * The signed-in person as every module sees them. A system administrator manages accounts and
 * settings and holds no grants, so reads no resident data. As a {@link Principal} it is named by its user
 * name, which is how stored sessions are indexed (and ended when an administrator changes the account).
 */
public record HaolinUser(long accountId, String username, String displayName, boolean systemAdmin,
                         List<Grant> grants) implements Serializable, Principal {

    public HaolinUser {
        grants = List.copyOf(grants);
    }

    /** The name sessions are indexed by (spring_session.principal_name): the user name, never the grants. */
    @Override
    public String getName() {
        return username;
    }

    public boolean may(Permission permission) {
        return !systemAdmin && grants.stream().anyMatch(g -> g.role().grants(permission));
    }

    public boolean has(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    public boolean secondFactorRequired() {
        return systemAdmin || grants.stream().anyMatch(g -> g.role().secondFactorRequired());
    }
}
