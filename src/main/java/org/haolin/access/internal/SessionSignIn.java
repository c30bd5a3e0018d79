package org.haolin.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Turns a session waiting for its second factor into a fully signed-in one, under a new session id. */
@Component
public class SessionSignIn {

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    public void complete(HaolinUser user, HttpServletRequest request, HttpServletResponse response) {
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SessionAuthorities.authenticated(user, true));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
