package org.haolin.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The second step of signing in: a right code turns the waiting session into a complete one under a new
 * session id; a wrong one counts towards the lockout, and the lock ends the waiting session.
 */
@Component
public class SecondFactorSignIn {

    public enum Outcome { SIGNED_IN, WRONG_CODE, LOCKED }

    private final SecondFactor secondFactor;
    private final LoginAttempts attempts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SecondFactorSignIn(SecondFactor secondFactor, LoginAttempts attempts) {
        this.secondFactor = secondFactor;
        this.attempts = attempts;
    }

    /**
     * Checks the code against the stored secret, or, for an account enrolling now, against the secret it
     * was shown (which is then stored).
     */
    public Outcome complete(HaolinUser user, String enrollingSecret, String code,
                            HttpServletRequest request, HttpServletResponse response) {
        if (attempts.locked(user.accountId())) {
            attempts.refusedWhileLocked(user);
            return end(request, response);
        }
        boolean enrolled = secondFactor.enrolled(user.accountId());
        boolean right = enrolled ? secondFactor.verify(user.accountId(), code)
                : enrollingSecret != null && secondFactor.enrol(user.accountId(), enrollingSecret, code);
        if (!right) {
            return attempts.failed(user, "wrong second-factor code") ? end(request, response) : Outcome.WRONG_CODE;
        }
        attempts.succeeded(user, enrolled ? "password and second factor" : "password and new second factor");
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SessionAuthorities.authenticated(user, true));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return Outcome.SIGNED_IN;
    }

    private static Outcome end(HttpServletRequest request, HttpServletResponse response) {
        new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return Outcome.LOCKED;
    }
}
