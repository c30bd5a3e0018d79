package org.haolin.access.internal;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The stored sessions of one person. A session carries the person as they were at sign-in, so when an
 * administrator disables an account or changes its roles, its sessions are ended and the next request
 * signs in afresh with what holds now.
 */
@Component
public class SignedInSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final TokenUsers tokenUsers;

    SignedInSessions(FindByIndexNameSessionRepository<? extends Session> sessions, TokenUsers tokenUsers) {
        this.sessions = sessions;
        this.tokenUsers = tokenUsers;
    }

    /** Ends the person's sessions, and their bearer tokens carry what holds now from the next request on. */
    public int end(String username) {
        tokenUsers.forget();
        return endAllBut(username, null);
    }

    /** Ends every session of the person except the one they are using (after a password change, say). */
    public int endAllBut(String username, String keptSessionId) {
        var others = sessions.findByPrincipalName(username).keySet().stream()
                .filter(id -> !id.equals(keptSessionId)).toList();
        others.forEach(sessions::deleteById);
        return others.size();
    }
}
