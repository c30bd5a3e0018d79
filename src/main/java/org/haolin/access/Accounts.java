package org.haolin.access;

import org.haolin.access.internal.SecondFactor;
import org.haolin.platform.DomainException;
import org.haolin.platform.SensitiveData;
import org.jooq.DSLContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static haolin.schema.Tables.ACCOUNT;
import static haolin.schema.Tables.API_TOKEN;
import static haolin.schema.Tables.ROLE_ASSIGNMENT;

/** Accounts, their role assignments, second-factor secrets and API tokens. */
@Service
public class Accounts {

    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final PasswordEncoder passwords;
    private final SensitiveData sensitive;
    private final SecondFactor secondFactor;

    Accounts(DSLContext db, PasswordEncoder passwords, SensitiveData sensitive, SecondFactor secondFactor) {
        this.db = db;
        this.passwords = passwords;
        this.sensitive = sensitive;
        this.secondFactor = secondFactor;
    }

    @Transactional
    public long create(String username, String displayName, String password, boolean systemAdmin) {
        checkPassword(password);
        if (db.fetchExists(ACCOUNT, ACCOUNT.USERNAME.eq(username))) {
            throw DomainException.conflict("account.username.taken", username);
        }
        return db.insertInto(ACCOUNT)
                .set(ACCOUNT.USERNAME, username)
                .set(ACCOUNT.DISPLAY_NAME, displayName)
                .set(ACCOUNT.PASSWORD_HASH, passwords.encode(password))
                .set(ACCOUNT.SYSTEM_ADMIN, systemAdmin)
                .returning(ACCOUNT.ID).fetchOne(ACCOUNT.ID);
    }

    @Transactional
    public void assign(long accountId, Grant grant) {
        db.insertInto(ROLE_ASSIGNMENT)
                .set(ROLE_ASSIGNMENT.ACCOUNT_ID, accountId)
                .set(ROLE_ASSIGNMENT.ROLE, grant.role().name())
                .set(ROLE_ASSIGNMENT.TOWN_ID, grant.townId())
                .set(ROLE_ASSIGNMENT.AREA_ID, grant.areaId())
                .set(ROLE_ASSIGNMENT.AREA_PATH, grant.areaPath())
                .onConflictDoNothing()
                .execute();
    }

    @Transactional
    public void changePassword(long accountId, String password) {
        checkPassword(password);
        db.update(ACCOUNT).set(ACCOUNT.PASSWORD_HASH, passwords.encode(password))
                .where(ACCOUNT.ID.eq(accountId)).execute();
    }

    @Transactional
    public void setSecondFactorSecret(long accountId, String secret) {
        db.update(ACCOUNT).set(ACCOUNT.TOTP_SECRET_ENC, secret == null ? null : sensitive.encrypt(secret))
                .where(ACCOUNT.ID.eq(accountId)).execute();
    }

    /** Gives the account a new second-factor secret and returns it, for enrolment in an authenticator app. */
    @Transactional
    public String enrolSecondFactor(long accountId) {
        String secret = secondFactor.newSecret();
        setSecondFactorSecret(accountId, secret);
        return secret;
    }

    public Optional<String> secondFactorSecret(long accountId) {
        return db.select(ACCOUNT.TOTP_SECRET_ENC).from(ACCOUNT).where(ACCOUNT.ID.eq(accountId))
                .fetchOptional(ACCOUNT.TOTP_SECRET_ENC)
                .map(sensitive::decrypt);
    }

    public Optional<HaolinUser> user(long accountId) {
        return db.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(accountId).and(ACCOUNT.ENABLED.isTrue()))
                .fetchOptional()
                .map(a -> new HaolinUser(a.getId(), a.getUsername(), a.getDisplayName(), a.getSystemAdmin(),
                        grants(a.getId())));
    }

    public Optional<Long> idOf(String username) {
        return db.select(ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.USERNAME.eq(username)).fetchOptional(ACCOUNT.ID);
    }

    private List<Grant> grants(long accountId) {
        return db.selectFrom(ROLE_ASSIGNMENT).where(ROLE_ASSIGNMENT.ACCOUNT_ID.eq(accountId))
                .fetch(r -> new Grant(Role.valueOf(r.getRole()), r.getTownId(), r.getAreaId(), r.getAreaPath()));
    }

    /** Makes a new bearer token and returns it; only its hash is kept, so it is shown once. */
    @Transactional
    public String createToken(long accountId, String name) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "hl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        db.insertInto(API_TOKEN)
                .set(API_TOKEN.ACCOUNT_ID, accountId)
                .set(API_TOKEN.NAME, name)
                .set(API_TOKEN.TOKEN_HASH, tokenHash(token))
                .set(API_TOKEN.TOKEN_PREFIX, token.substring(0, 7))
                .execute();
        return token;
    }

    @Transactional
    public void revokeToken(long accountId, long tokenId) {
        int revoked = db.update(API_TOKEN).set(API_TOKEN.REVOKED_AT, java.time.OffsetDateTime.now())
                .where(API_TOKEN.ID.eq(tokenId), API_TOKEN.ACCOUNT_ID.eq(accountId), API_TOKEN.REVOKED_AT.isNull())
                .execute();
        if (revoked == 0) {
            throw DomainException.notFound("token.notFound");
        }
    }

    /** The account a live token belongs to. */
    public Optional<Long> accountOfToken(String token) {
        return db.select(API_TOKEN.ACCOUNT_ID).from(API_TOKEN)
                .where(API_TOKEN.TOKEN_HASH.eq(tokenHash(token)), API_TOKEN.REVOKED_AT.isNull())
                .fetchOptional(API_TOKEN.ACCOUNT_ID);
    }

    public static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw DomainException.invalid("account.password.tooShort", MIN_PASSWORD_LENGTH);
        }
    }

    static byte[] tokenHash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
