package org.haolin.access.internal;

import org.haolin.access.Accounts;
import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.jooq.DSLContext;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import static haolin.schema.Tables.ACCOUNT;

/**
 * Password check with lockout: five failures in a row lock the account for fifteen minutes.
 * Success yields a session that still needs the second factor when the account has one or must have one.
 */
@Component
class PasswordAuthentication implements AuthenticationProvider {

    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final DSLContext db;
    private final PasswordEncoder passwords;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String unknownUserHash;

    PasswordAuthentication(DSLContext db, PasswordEncoder passwords, Accounts accounts, AuditTrail audit,
                           TransactionTemplate tx, Clock clock) {
        this.db = db;
        this.passwords = passwords;
        this.accounts = accounts;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.unknownUserHash = passwords.encode("no such account here");
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = String.valueOf(request.getName()).trim().toLowerCase();
        String password = String.valueOf(request.getCredentials());
        var account = db.selectFrom(ACCOUNT).where(ACCOUNT.USERNAME.eq(username).and(ACCOUNT.ENABLED.isTrue())).fetchOne();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (account == null) {
            passwords.matches(password, unknownUserHash); // same time whether or not the name exists
            throw new BadCredentialsException("login.failed");
        }
        if (account.getLockedUntil() != null && account.getLockedUntil().isAfter(now)) {
            throw new LockedException("login.locked");
        }
        if (!passwords.matches(password, account.getPasswordHash())) {
            recordFailure(account.getId(), account.getFailedLogins() + 1, now);
            throw new BadCredentialsException("login.failed");
        }
        tx.executeWithoutResult(s -> {
            db.update(ACCOUNT).set(ACCOUNT.FAILED_LOGINS, 0).setNull(ACCOUNT.LOCKED_UNTIL)
                    .where(ACCOUNT.ID.eq(account.getId())).execute();
        });
        HaolinUser user = accounts.user(account.getId()).orElseThrow();
        boolean secondFactor = account.getTotpSecretEnc() != null || user.secondFactorRequired();
        audit.record(user, AuditAction.LOGIN, AuditedObject.of("ACCOUNT", user.accountId(), null, null),
                secondFactor ? "password ok, second factor pending" : null);
        return SessionAuthorities.authenticated(user, !secondFactor);
    }

    private void recordFailure(long accountId, int failures, OffsetDateTime now) {
        tx.executeWithoutResult(s -> {
            boolean lock = failures >= MAX_FAILURES;
            db.update(ACCOUNT)
                    .set(ACCOUNT.FAILED_LOGINS, lock ? 0 : failures)
                    .set(ACCOUNT.LOCKED_UNTIL, lock ? now.plus(LOCKOUT) : null)
                    .where(ACCOUNT.ID.eq(accountId)).execute();
            audit.record(null, AuditAction.LOGIN_FAILED, AuditedObject.of("ACCOUNT", accountId, null, null),
                    lock ? "locked" : "failure " + failures);
        });
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
