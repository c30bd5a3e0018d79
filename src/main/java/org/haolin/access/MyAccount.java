package org.haolin.access;

import org.haolin.access.internal.SecondFactor;
import org.haolin.platform.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * What a signed-in person does to their own account: password, optional second factor, API tokens.
 * Every change is audited; nobody reaches another person's account through here.
 */
@Service
public class MyAccount {

    /** The "my account" page: who I am, where I hold which role, and how I sign in. */
    public record Profile(String username, String displayName, boolean systemAdmin, List<RoleAssignment> roles,
                          boolean secondFactorEnabled, boolean secondFactorRequired, List<ApiToken> tokens,
                          String email) {
    }

    private final Accounts accounts;
    private final RoleAssignments assignments;
    private final SecondFactor secondFactor;
    private final AuditTrail audit;

    MyAccount(Accounts accounts, RoleAssignments assignments, SecondFactor secondFactor, AuditTrail audit) {
        this.accounts = accounts;
        this.assignments = assignments;
        this.secondFactor = secondFactor;
        this.audit = audit;
    }

    public Profile profile(HaolinUser me) {
        return new Profile(me.username(), me.displayName(), me.systemAdmin(), assignments.of(me.accountId()),
                secondFactor.enrolled(me.accountId()), me.secondFactorRequired(), accounts.tokens(me.accountId()),
                accounts.email(me.accountId()).orElse(null));
    }

    @Transactional
    public void changePassword(HaolinUser me, String current, String next, String repeated) {
        if (!accounts.passwordMatches(me.accountId(), current)) {
            throw DomainException.invalid("me.password.currentWrong");
        }
        Accounts.checkPassword(next);
        if (!next.equals(repeated)) {
            throw DomainException.invalid("me.password.mismatch");
        }
        accounts.changePassword(me.accountId(), next);
        record(me, "password changed");
    }

    /** The address notifications are mailed to; blank removes it. */
    @Transactional
    public void changeEmail(HaolinUser me, String email) {
        accounts.setEmail(me.accountId(), email);
        record(me, "email address changed");
    }

    public String newSecondFactorSecret() {
        return SecondFactor.newSecret();
    }

    /** Adds a second factor once the person shows a code from the app holding the secret. */
    @Transactional
    public void enrolSecondFactor(HaolinUser me, String secret, String code) {
        if (secondFactor.enrolled(me.accountId())) {
            throw DomainException.conflict("me.secondFactor.alreadyOn");
        }
        if (secret == null || !secondFactor.enrol(me.accountId(), secret, code)) {
            throw DomainException.invalid("me.secondFactor.wrongCode");
        }
        record(me, "second factor added");
    }

    /** Removes an optional second factor; a current code proves it is the owner asking. */
    @Transactional
    public void removeSecondFactor(HaolinUser me, String code) {
        if (me.secondFactorRequired()) {
            throw DomainException.forbidden("me.secondFactor.requiredByRole");
        }
        if (!secondFactor.verify(me.accountId(), code)) {
            throw DomainException.invalid("me.secondFactor.wrongCode");
        }
        accounts.setSecondFactorSecret(me.accountId(), null);
        record(me, "second factor removed");
    }

    public List<ApiToken> tokens(HaolinUser me) {
        return accounts.tokens(me.accountId());
    }

    @Transactional
    public IssuedToken createToken(HaolinUser me, String name) {
        IssuedToken token = accounts.issueToken(me.accountId(), name);
        record(me, "API token " + token.prefix() + " created");
        return token;
    }

    @Transactional
    public void revokeToken(HaolinUser me, long tokenId) {
        ApiToken token = accounts.revokeToken(me.accountId(), tokenId);
        record(me, "API token " + token.prefix() + " revoked");
    }

    private void record(HaolinUser me, String what) {
        audit.record(me, AuditAction.ACCOUNT_CHANGE, AuditedObject.of("ACCOUNT", me.accountId(), null, null), what);
    }
}
