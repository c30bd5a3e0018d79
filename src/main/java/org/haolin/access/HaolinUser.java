package org.haolin.access;

import org.springframework.security.core.AuthenticatedPrincipal;

import java.io.Serializable;
import java.util.List;

/**
 * The signed-in person as every module sees them. A system administrator manages accounts and
 * settings and holds no grants, so reads no resident data.
 */
public record HaolinUser(long accountId, String username, String displayName, boolean systemAdmin,
                         List<Grant> grants) implements Serializable, AuthenticatedPrincipal {

    public HaolinUser {
        grants = List.copyOf(grants);
    }

    /** The name sessions are indexed by (spring_session.principal_name): the user name, never the grants. */
    @Override
    public String getName() {
        return username;
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
