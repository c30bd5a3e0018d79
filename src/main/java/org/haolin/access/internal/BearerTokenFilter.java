package org.haolin.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.Accounts;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** API calls carry "Authorization: Bearer hl_..."; a live token signs its account in for that request. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final Accounts accounts;
    private final TokenUsers tokenUsers;

    BearerTokenFilter(Accounts accounts, TokenUsers tokenUsers) {
        this.accounts = accounts;
        this.tokenUsers = tokenUsers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            tokenUsers.user(token, () -> accounts.accountOfToken(token).flatMap(accounts::user))
                    .ifPresent(user -> SecurityContextHolder.getContext()
                            .setAuthentication(SessionAuthorities.authenticated(user, true)));
        }
        chain.doFilter(request, response);
    }
}
