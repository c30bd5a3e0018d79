package org.haolin.access.internal;

import org.haolin.access.HaolinUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/** Two states of a signed-in session: fully signed in, or waiting for the second factor. */
final class SessionAuthorities {

    static final String SIGNED_IN = "SIGNED_IN";
    static final String SECOND_FACTOR_PENDING = "SECOND_FACTOR_PENDING";

    private SessionAuthorities() {
    }

    static Authentication authenticated(HaolinUser user, boolean complete) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList(complete ? SIGNED_IN : SECOND_FACTOR_PENDING));
    }
}
