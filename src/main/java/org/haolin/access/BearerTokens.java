package org.haolin.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.internal.TokenUsers;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * API calls carry {@code Authorization: Bearer hl_...}: the person a live token names, held for a few seconds
 * ({@link TokenUsers}), and the security headers every API answer carries. The API's filter chain signs callers
 * in with it; so does an endpoint served ahead of that chain (the scan path at a peak), which then writes the same
 * headers the chain would.
 */
@Component
public class BearerTokens {

    /** Spring Security's default headers: the API's filter chain writes these, through {@link #writeHeaders}. */
    private static final List<HeaderWriter> API_HEADERS = List.of(new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(), new CacheControlHeadersWriter(), new HstsHeaderWriter(),
            new XFrameOptionsHeaderWriter());

    private final Accounts accounts;
    private final TokenUsers users;

    BearerTokens(Accounts accounts, TokenUsers users) {
        this.accounts = accounts;
        this.users = users;
    }

    /** The person the request's bearer token names; empty without one, or if it is not live. */
    public Optional<HaolinUser> user(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        return users.user(token, () -> accounts.accountOfToken(token).flatMap(accounts::user));
    }

    /** The security headers of an API answer, written by the API's filter chain and by an endpoint ahead of it. */
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        API_HEADERS.forEach(writer -> writer.writeHeaders(request, response));
    }
}
