package org.haolin.access.internal;

import org.haolin.access.HaolinUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/** Two states of a signed-in session: fully signed in, or waiting for the second factor. */
public final class SessionAuthorities {

    static final String SIGNED_IN = "SIGNED_IN";
    static final String SECOND_FACTOR_PENDING = "SECOND_FACTOR_PENDING";

    private SessionAuthorities() {
    }

    /** The person signed in with this authentication, if fully (second factor done where needed); else null. */
    public static HaolinUser signedIn(Authentication auth) {
        boolean complete = auth != null
                && auth.getAuthorities().stream().anyMatch(a -> SIGNED_IN.equals(a.getAuthority()));
        return complete && auth.getPrincipal() instanceof HaolinUser user ? user : null;
    }

    static Authentication authenticated(HaolinUser user, boolean complete) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList(complete ? SIGNED_IN : SECOND_FACTOR_PENDING));
    }
}
