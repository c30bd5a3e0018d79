package org.haolin.access;

import haolin.schema.tables.records.AccountRecord;
import org.haolin.access.AreaDirectory.AreaLabel;
import org.haolin.access.internal.SignedInSessions;
import org.haolin.platform.DomainException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import static haolin.schema.Tables.ACCOUNT;
import static haolin.schema.Tables.ROLE_ASSIGNMENT;
import static org.jooq.impl.DSL.noCondition;

/**
 * What a system administrator does to accounts. Only system administrators get in; they manage who may
 * do what where, and hold no role themselves, so they read no resident data. Every change is audited,
 * role changes with the town and area they concern, so that town's administrators see them too. A
 * changed account's sessions end, so it signs in again with what holds now.
 */
@Service
public class AccountAdministration {

    /** An account as the administrator's list shows it. */
    public record Account(long id, String username, String displayName, boolean systemAdmin, boolean enabled,
                          boolean locked, boolean secondFactor, OffsetDateTime createdAt, List<RoleAssignment> roles) {
    }

    private final DSLContext db;
    private final Accounts accounts;
    private final RoleAssignments assignments;
    private final AreaDirectory areas;
    private final SignedInSessions sessions;
    private final AuditTrail audit;
    private final Clock clock;

    AccountAdministration(DSLContext db, Accounts accounts, RoleAssignments assignments, AreaDirectory areas,
                          SignedInSessions sessions, AuditTrail audit, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.assignments = assignments;
        this.areas = areas;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Accounts whose user name or display name contains the text, by user name. */
    public List<Account> list(HaolinUser admin, String text, int limit) {
        require(admin);
        String clean = text == null ? "" : text.strip();
        Condition matching = clean.isEmpty() ? noCondition()
                : ACCOUNT.USERNAME.containsIgnoreCase(clean).or(ACCOUNT.DISPLAY_NAME.containsIgnoreCase(clean));
        return db.selectFrom(ACCOUNT).where(matching).orderBy(ACCOUNT.USERNAME).limit(limit)
                .fetch(a -> toAccount(a, List.of()));
    }

    public Account account(HaolinUser admin, long accountId) {
        require(admin);
        return db.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(accountId)).fetchOptional()
                .map(a -> toAccount(a, assignments.of(a.getId())))
                .orElseThrow(() -> DomainException.notFound("admin.account.notFound", accountId));
    }

    @Transactional
    public long create(HaolinUser admin, String username, String displayName, String password, boolean systemAdmin) {
        require(admin);
        long id = accounts.create(username, displayName, password, systemAdmin);
        record(admin, id, null, systemAdmin ? "created as system administrator" : "created");
        return id;
    }

    @Transactional
    public void setEnabled(HaolinUser admin, long accountId, boolean enabled) {
        Account account = account(admin, accountId);
        if (!enabled && accountId == admin.accountId()) {
            throw DomainException.invalid("admin.account.selfDisable");
        }
        db.update(ACCOUNT).set(ACCOUNT.ENABLED, enabled).where(ACCOUNT.ID.eq(accountId)).execute();
        record(admin, accountId, null, enabled ? "enabled" : "disabled");
        sessions.end(account.username());
    }

    @Transactional
    public void unlock(HaolinUser admin, long accountId) {
        account(admin, accountId);
        db.update(ACCOUNT).set(ACCOUNT.FAILED_LOGINS, 0).setNull(ACCOUNT.LOCKED_UNTIL)
                .where(ACCOUNT.ID.eq(accountId)).execute();
        record(admin, accountId, null, "unlocked");
    }

    /** For a lost phone: the person enrols again at the next sign-in (or may, where it is optional). */
    @Transactional
    public void resetSecondFactor(HaolinUser admin, long accountId) {
        Account account = account(admin, accountId);
        accounts.setSecondFactorSecret(accountId, null);
        record(admin, accountId, null, "second factor reset");
        sessions.end(account.username());
    }

    public List<AreaLabel> findAreas(HaolinUser admin, String text) {
        require(admin);
        return areas.search(text, 30);
    }

    @Transactional
    public void assign(HaolinUser admin, long accountId, Role role, long areaId) {
        Account account = account(admin, accountId);
        if (account.systemAdmin()) {
            throw DomainException.invalid("admin.systemAdmin.noRoles");
        }
        if (role == null) {
            throw DomainException.invalid("admin.role.required");
        }
        AreaLabel area = areas.find(areaId).orElseThrow(() -> DomainException.invalid("admin.area.notFound", areaId));
        accounts.assign(accountId, new Grant(role, area.townId(), area.id(), area.path()));
        record(admin, accountId, area, "role " + role + " on area " + area.id() + " assigned");
        sessions.end(account.username());
    }

    @Transactional
    public void removeAssignment(HaolinUser admin, long accountId, long assignmentId) {
        Account account = account(admin, accountId);
        var removed = db.deleteFrom(ROLE_ASSIGNMENT)
                .where(ROLE_ASSIGNMENT.ID.eq(assignmentId), ROLE_ASSIGNMENT.ACCOUNT_ID.eq(accountId))
                .returning().fetchOptional()
                .orElseThrow(() -> DomainException.notFound("admin.assignment.notFound", assignmentId));
        record(admin, accountId, new AreaLabel(removed.getAreaId(), removed.getTownId(), removed.getAreaPath(), ""),
                "role " + removed.getRole() + " on area " + removed.getAreaId() + " removed");
        sessions.end(account.username());
    }

    private static void require(HaolinUser admin) {
        if (admin == null || !admin.systemAdmin()) {
            throw DomainException.forbidden("access.denied");
        }
    }

    private void record(HaolinUser admin, long accountId, AreaLabel area, String what) {
        audit.record(admin, AuditAction.ACCOUNT_CHANGE, AuditedObject.of("ACCOUNT", accountId,
                area == null ? null : area.townId(), area == null ? null : area.path()), what);
    }

    private Account toAccount(AccountRecord a, List<RoleAssignment> roles) {
        boolean locked = a.getLockedUntil() != null && a.getLockedUntil().isAfter(OffsetDateTime.now(clock));
        return new Account(a.getId(), a.getUsername(), a.getDisplayName(), a.getSystemAdmin(), a.getEnabled(), locked,
                a.getTotpSecretEnc() != null, a.getCreatedAt(), roles);
    }
}
