package org.haolin.access.internal;

import org.haolin.access.Accounts;
import org.haolin.access.HaolinUser;
import org.jooq.DSLContext;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import static haolin.schema.Tables.ACCOUNT;

/**
 * The password step of signing in. Success yields a complete session, or one that still needs the second
 * factor when the account has one or its roles require one.
 */
@Component
class PasswordAuthentication implements AuthenticationProvider {

    private final DSLContext db;
    private final PasswordEncoder passwords;
    private final Accounts accounts;
    private final LoginAttempts attempts;
    private final String unknownUserHash;

    PasswordAuthentication(DSLContext db, PasswordEncoder passwords, Accounts accounts, LoginAttempts attempts) {
        this.db = db;
        this.passwords = passwords;
        this.accounts = accounts;
        this.attempts = attempts;
        this.unknownUserHash = passwords.encode("no such account here");
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = Accounts.normaliseUsername(request.getName());
        String password = String.valueOf(request.getCredentials());
        var account = db.selectFrom(ACCOUNT).where(ACCOUNT.USERNAME.eq(username), ACCOUNT.ENABLED.isTrue()).fetchOne();
        if (account == null) {
            passwords.matches(password, unknownUserHash); // same time whether or not the name exists
            attempts.unknownAccount();
            throw new BadCredentialsException("login.failed");
        }
        HaolinUser user = accounts.user(account.getId()).orElseThrow();
        if (attempts.locked(user.accountId())) {
            attempts.refusedWhileLocked(user);
            throw new LockedException("login.locked");
        }
        if (!passwords.matches(password, account.getPasswordHash())) {
            boolean nowLocked = attempts.failed(user, "wrong password");
            throw nowLocked ? new LockedException("login.locked") : new BadCredentialsException("login.failed");
        }
        boolean needsCode = account.getTotpSecretEnc() != null || user.secondFactorRequired();
        if (!needsCode) {
            attempts.succeeded(user, "password");
        }
        return SessionAuthorities.authenticated(user, !needsCode);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
