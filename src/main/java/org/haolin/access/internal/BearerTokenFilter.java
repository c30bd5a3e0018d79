package org.haolin.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.BearerTokens;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** API calls carry "Authorization: Bearer hl_..."; a live token signs its account in for that request. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final BearerTokens tokens;

    BearerTokenFilter(BearerTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        tokens.user(request).ifPresent(user -> SecurityContextHolder.getContext()
                .setAuthentication(SessionAuthorities.authenticated(user, true)));
        chain.doFilter(request, response);
    }
}
