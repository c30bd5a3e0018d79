package org.haolin.access.internal;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import static haolin.schema.Tables.ACCOUNT;

/**
 * Counts failed sign-ins, wrong passwords and wrong second-factor codes alike: five in a row lock the
 * account for fifteen minutes. Only a complete sign-in clears the count, so knowing the password does
 * not buy fresh tries at the code.
 */
@Component
class LoginAttempts {

    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final DSLContext db;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    LoginAttempts(DSLContext db, AuditTrail audit, TransactionTemplate tx, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    boolean locked(long accountId) {
        OffsetDateTime until = db.select(ACCOUNT.LOCKED_UNTIL).from(ACCOUNT).where(ACCOUNT.ID.eq(accountId))
                .fetchOne(ACCOUNT.LOCKED_UNTIL);
        return until != null && until.isAfter(OffsetDateTime.now(clock));
    }

    /** Records a failure; answers whether the account is now locked. */
    boolean failed(HaolinUser who, String why) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            int failures = db.update(ACCOUNT).set(ACCOUNT.FAILED_LOGINS, ACCOUNT.FAILED_LOGINS.plus(1))
                    .where(ACCOUNT.ID.eq(who.accountId()))
                    .returning(ACCOUNT.FAILED_LOGINS).fetchOne(ACCOUNT.FAILED_LOGINS);
            boolean lock = failures >= MAX_FAILURES;
            if (lock) {
                db.update(ACCOUNT).set(ACCOUNT.FAILED_LOGINS, 0)
                        .set(ACCOUNT.LOCKED_UNTIL, OffsetDateTime.now(clock).plus(LOCKOUT))
                        .where(ACCOUNT.ID.eq(who.accountId())).execute();
            }
            audit.record(who, AuditAction.LOGIN_FAILED, account(who), why + (lock ? ", locked" : ", failure " + failures));
            return lock;
        }));
    }

    void refusedWhileLocked(HaolinUser who) {
        audit.record(who, AuditAction.LOGIN_FAILED, account(who), "account locked");
    }

    void unknownAccount() {
        audit.record(null, AuditAction.LOGIN_FAILED, AuditedObject.of("ACCOUNT", null, null, null), "unknown or disabled account");
    }

    void succeeded(HaolinUser who, String how) {
        tx.executeWithoutResult(s -> {
            db.update(ACCOUNT).set(ACCOUNT.FAILED_LOGINS, 0).setNull(ACCOUNT.LOCKED_UNTIL)
                    .where(ACCOUNT.ID.eq(who.accountId())).execute();
            audit.record(who, AuditAction.LOGIN, account(who), how);
        });
    }

    private static AuditedObject account(HaolinUser who) {
        return AuditedObject.of("ACCOUNT", who.accountId(), null, null);
    }
}
