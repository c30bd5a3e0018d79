package org.haolin.access;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import jakarta.servlet.http.Cookie;
import org.haolin.TestTown;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Clock;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A person at a browser: keeps the session cookie between requests, as a browser does, so tests walk the
 * real sign-in through the stored session rather than planting an authentication.
 */
final class Visitor {

    static final String SESSION_COOKIE = "SESSION";

    private final MockMvc mvc;
    private Cookie session;

    Visitor(MockMvc mvc) {
        this.mvc = mvc;
    }

    MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        if (session != null) {
            request.cookie(session);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        Cookie set = response.getCookie(SESSION_COOKIE);
        if (set != null) {
            session = set.getMaxAge() == 0 ? null : set;
        }
        return response;
    }

    /**
     * Signs the person in through the login form, with a second factor where needed. A fresh secret each
     * time, so signing in twice within one 30-second step does not replay a code.
     */
    static Visitor signedIn(MockMvc mvc, Accounts accounts, Clock clock, HaolinUser user) throws Exception {
        Visitor visitor = new Visitor(mvc);
        String secret = null;
        if (user.secondFactorRequired() || accounts.secondFactorSecret(user.accountId()).isPresent()) {
            secret = new DefaultSecretGenerator(32).generate();
            accounts.setSecondFactorSecret(user.accountId(), secret);
        }
        visitor.signIn(user.username(), TestTown.PASSWORD);
        if (secret != null) {
            visitor.giveCode(code(secret, clock, 0));
        }
        return visitor;
    }

    MockHttpServletResponse signIn(String username, String password) throws Exception {
        return perform(post("/login").with(csrf()).param("username", username).param("password", password));
    }

    MockHttpServletResponse giveCode(String code) throws Exception {
        return perform(post("/login/second-factor").with(csrf()).param("code", code));
    }

    Cookie sessionCookie() {
        return session;
    }

    void useCookie(Cookie cookie) {
        this.session = cookie;
    }

    /** The code an authenticator app shows for the secret, steps (of 30 s) away from now. */
    static String code(String secret, Clock clock, int steps) throws Exception {
        long step = Math.floorDiv(clock.instant().getEpochSecond(), 30) + steps;
        return new DefaultCodeGenerator().generate(secret, step);
    }
}
