package org.haolin.access;

import org.haolin.access.internal.SecondFactor;
import org.haolin.access.internal.TokenUsers;
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
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static haolin.schema.Tables.ACCOUNT;
import static haolin.schema.Tables.API_TOKEN;
import static haolin.schema.Tables.ROLE_ASSIGNMENT;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;

/**
 * The account store: accounts, their role assignments, second-factor secrets and API tokens. It checks
 * the rules of the values (names, password length) but not who asks: {@link MyAccount} and
 * {@link AccountAdministration} do that, and audit.
 */
@Service
public class Accounts {

    public static final int MIN_PASSWORD_LENGTH = 12;
    /** BCrypt reads at most 72 bytes; a longer password would be cut without anyone noticing. */
    public static final int MAX_PASSWORD_BYTES = 72;
    /** Using a token writes to the database at most this often, so busy integrations cost no write per call. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final DSLContext db;
    private final PasswordEncoder passwords;
    private final SensitiveData sensitive;
    private final Clock clock;

    private final TokenUsers tokenUsers;

    Accounts(DSLContext db, PasswordEncoder passwords, SensitiveData sensitive, Clock clock, TokenUsers tokenUsers) {
        this.db = db;
        this.tokenUsers = tokenUsers;
        this.passwords = passwords;
        this.sensitive = sensitive;
        this.clock = clock;
    }

    @Transactional
    public long create(String username, String displayName, String password, boolean systemAdmin) {
        String name = normaliseUsername(username);
        if (!name.matches("[a-z0-9._-]{3,40}")) {
            throw DomainException.invalid("account.username.invalid");
        }
        String shown = displayName == null ? "" : displayName.strip();
        if (shown.isEmpty() || shown.length() > 60) {
            throw DomainException.invalid("account.displayName.invalid");
        }
        checkPassword(password);
        if (db.fetchExists(ACCOUNT, ACCOUNT.USERNAME.eq(name))) {
            throw DomainException.conflict("account.username.taken", name);
        }
        return db.insertInto(ACCOUNT)
                .set(ACCOUNT.USERNAME, name)
                .set(ACCOUNT.DISPLAY_NAME, shown)
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
        tokenUsers.forget();
    }

    @Transactional
    public void changePassword(long accountId, String password) {
        checkPassword(password);
        db.update(ACCOUNT).set(ACCOUNT.PASSWORD_HASH, passwords.encode(password))
                .where(ACCOUNT.ID.eq(accountId)).execute();
    }

    public boolean passwordMatches(long accountId, String password) {
        return password != null && db.select(ACCOUNT.PASSWORD_HASH).from(ACCOUNT).where(ACCOUNT.ID.eq(accountId))
                .fetchOptional(ACCOUNT.PASSWORD_HASH)
                .map(hash -> passwords.matches(password, hash))
                .orElse(false);
    }

    /** Sets (or with null removes) the second-factor secret; codes used under an old secret are forgotten. */
    @Transactional
    public void setSecondFactorSecret(long accountId, String secret) {
        db.update(ACCOUNT).set(ACCOUNT.TOTP_SECRET_ENC, secret == null ? null : sensitive.encrypt(secret))
                .setNull(ACCOUNT.TOTP_LAST_STEP)
                .where(ACCOUNT.ID.eq(accountId)).execute();
    }

    /** Gives the account a new second-factor secret and returns it, for enrolment in an authenticator app. */
    @Transactional
    public String enrolSecondFactor(long accountId) {
        String secret = SecondFactor.newSecret();
        setSecondFactorSecret(accountId, secret);
        return secret;
    }

    public Optional<String> secondFactorSecret(long accountId) {
        return db.select(ACCOUNT.TOTP_SECRET_ENC).from(ACCOUNT).where(ACCOUNT.ID.eq(accountId))
                .fetchOptional(ACCOUNT.TOTP_SECRET_ENC)
                .map(sensitive::decrypt);
    }

    /** An enabled account as a signed-in person, with its grants. Disabled accounts have none. */
    public Optional<HaolinUser> user(long accountId) {
        return db.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(accountId).and(ACCOUNT.ENABLED.isTrue()))
                .fetchOptional()
                .map(a -> new HaolinUser(a.getId(), a.getUsername(), a.getDisplayName(), a.getSystemAdmin(),
                        grants(a.getId())));
    }

    /**
     * The enabled accounts holding a role on the area or anything inside it (not above it), each with all its
     * grants, by display name: the people a duty there (such as a sweep team) is chosen from.
     */
    public List<HaolinUser> holdingRolesInside(long townId, String areaPath) {
        return db.selectDistinct(ACCOUNT.ID, ACCOUNT.DISPLAY_NAME).from(ACCOUNT).join(ROLE_ASSIGNMENT)
                .on(ROLE_ASSIGNMENT.ACCOUNT_ID.eq(ACCOUNT.ID))
                .where(ROLE_ASSIGNMENT.TOWN_ID.eq(townId), ROLE_ASSIGNMENT.AREA_PATH.startsWith(areaPath),
                        ACCOUNT.ENABLED.isTrue(), ACCOUNT.SYSTEM_ADMIN.isFalse())
                .orderBy(ACCOUNT.DISPLAY_NAME, ACCOUNT.ID)
                .fetch(ACCOUNT.ID).stream()
                .map(id -> user(id).orElseThrow())
                .toList();
    }

    /**
     * Enabled accounts holding one of the roles on an area that contains the given one (the area itself or
     * one above it, in the same town): the people responsible for what happens there.
     */
    public List<Holder> holders(long townId, String areaPath, Set<Role> roles) {
        return holders(townId, List.of(areaPath), roles);
    }

    /**
     * The same for several areas at once (a whole office list's stairwells): everyone holding a role over any
     * of them. Each holder's path says over which: a path is over an area when the area's path starts with it.
     */
    public List<Holder> holders(long townId, Collection<String> areaPaths, Set<Role> roles) {
        Set<String> above = new HashSet<>();
        for (String path : areaPaths) {
            for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
                above.add(path.substring(0, dot + 1));
            }
        }
        return holders(townId, roles, ROLE_ASSIGNMENT.AREA_PATH.in(above));
    }

    /** Those holding the roles on an area containing the given one or lying inside it: everyone at work in it. */
    public List<Holder> holdersAround(long townId, String areaPath, Set<Role> roles) {
        return holders(townId, roles, val(areaPath).like(ROLE_ASSIGNMENT.AREA_PATH.concat(inline("%")))
                .or(ROLE_ASSIGNMENT.AREA_PATH.like(inline(areaPath + "%"))));
    }

    private List<Holder> holders(long townId, Set<Role> roles, org.jooq.Condition where) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return db.select(ROLE_ASSIGNMENT.ACCOUNT_ID, ROLE_ASSIGNMENT.ROLE, ROLE_ASSIGNMENT.AREA_PATH, ACCOUNT.EMAIL)
                .from(ROLE_ASSIGNMENT).join(ACCOUNT).on(ACCOUNT.ID.eq(ROLE_ASSIGNMENT.ACCOUNT_ID))
                .where(ROLE_ASSIGNMENT.TOWN_ID.eq(townId), ACCOUNT.ENABLED.isTrue(),
                        ROLE_ASSIGNMENT.ROLE.in(roles.stream().map(Role::name).toList()), where)
                .orderBy(ROLE_ASSIGNMENT.ACCOUNT_ID, ROLE_ASSIGNMENT.AREA_PATH)
                .fetch(r -> new Holder(r.value1(), Role.valueOf(r.value2()), r.value3(), r.value4()));
    }

    /** The display names of accounts, by id, for the ids that exist: to name the holders {@link #holders} finds. */
    public java.util.Map<Long, String> displayNames(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return java.util.Map.of();
        }
        return db.select(ACCOUNT.ID, ACCOUNT.DISPLAY_NAME).from(ACCOUNT).where(ACCOUNT.ID.in(accountIds))
                .fetchMap(ACCOUNT.ID, ACCOUNT.DISPLAY_NAME);
    }

    /** Sets (or with a blank value removes) the address notifications are mailed to. */
    @Transactional
    public void setEmail(long accountId, String email) {
        String clean = email == null ? "" : email.strip();
        if (!clean.isEmpty() && (clean.length() > 254 || !EMAIL.matcher(clean).matches())) {
            throw DomainException.invalid("notify.email.invalid");
        }
        db.update(ACCOUNT).set(ACCOUNT.EMAIL, clean.isEmpty() ? null : clean).where(ACCOUNT.ID.eq(accountId)).execute();
    }

    public Optional<String> email(long accountId) {
        return db.select(ACCOUNT.EMAIL).from(ACCOUNT).where(ACCOUNT.ID.eq(accountId)).fetchOptional(ACCOUNT.EMAIL);
    }

    public Optional<Long> idOf(String username) {
        return db.select(ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.USERNAME.eq(normaliseUsername(username)))
                .fetchOptional(ACCOUNT.ID);
    }

    private List<Grant> grants(long accountId) {
        return db.selectFrom(ROLE_ASSIGNMENT).where(ROLE_ASSIGNMENT.ACCOUNT_ID.eq(accountId))
                .orderBy(ROLE_ASSIGNMENT.AREA_PATH, ROLE_ASSIGNMENT.ROLE)
                .fetch(r -> new Grant(Role.valueOf(r.getRole()), r.getTownId(), r.getAreaId(), r.getAreaPath()));
    }

    /** Makes a new bearer token and returns it; only its hash is kept, so it is shown once. */
    @Transactional
    public String createToken(long accountId, String name) {
        return issueToken(accountId, name).token();
    }

    /** The same, with what the owner's token list shows of it. */
    @Transactional
    public IssuedToken issueToken(long accountId, String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 60) {
            throw DomainException.invalid("account.token.name.invalid", 60);
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "hl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String prefix = token.substring(0, 7);
        long id = db.insertInto(API_TOKEN)
                .set(API_TOKEN.ACCOUNT_ID, accountId)
                .set(API_TOKEN.NAME, clean)
                .set(API_TOKEN.TOKEN_HASH, tokenHash(token))
                .set(API_TOKEN.TOKEN_PREFIX, prefix)
                .set(API_TOKEN.CREATED_AT, OffsetDateTime.now(clock))
                .returning(API_TOKEN.ID).fetchOne(API_TOKEN.ID);
        return new IssuedToken(id, clean, prefix, token);
    }

    /** The account's live tokens, newest first. */
    public List<ApiToken> tokens(long accountId) {
        return db.selectFrom(API_TOKEN)
                .where(API_TOKEN.ACCOUNT_ID.eq(accountId), API_TOKEN.REVOKED_AT.isNull())
                .orderBy(API_TOKEN.CREATED_AT.desc(), API_TOKEN.ID.desc())
                .fetch(t -> new ApiToken(t.getId(), t.getName(), t.getTokenPrefix(), t.getCreatedAt(),
                        t.getLastUsedAt()));
    }

    /** Revokes one of the account's own live tokens; anyone else's token is "not found". */
    @Transactional
    public ApiToken revokeToken(long accountId, long tokenId) {
        ApiToken token = tokens(accountId).stream().filter(t -> t.id() == tokenId).findFirst()
                .orElseThrow(() -> DomainException.notFound("account.token.notFound", tokenId));
        db.update(API_TOKEN).set(API_TOKEN.REVOKED_AT, OffsetDateTime.now(clock))
                .where(API_TOKEN.ID.eq(tokenId), API_TOKEN.ACCOUNT_ID.eq(accountId)).execute();
        tokenUsers.forget();
        return token;
    }

    /** The account a live token belongs to; notes when it was used, at most once a minute. */
    @Transactional
    public Optional<Long> accountOfToken(String token) {
        var live = db.select(API_TOKEN.ID, API_TOKEN.ACCOUNT_ID, API_TOKEN.LAST_USED_AT).from(API_TOKEN)
                .where(API_TOKEN.TOKEN_HASH.eq(tokenHash(token)), API_TOKEN.REVOKED_AT.isNull())
                .fetchOne();
        if (live == null) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime lastUsed = live.get(API_TOKEN.LAST_USED_AT);
        if (lastUsed == null || !lastUsed.plus(LAST_USED_RESOLUTION).isAfter(now)) {
            db.update(API_TOKEN).set(API_TOKEN.LAST_USED_AT, now).where(API_TOKEN.ID.eq(live.get(API_TOKEN.ID))).execute();
        }
        return Optional.of(live.get(API_TOKEN.ACCOUNT_ID));
    }

    public static void checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw DomainException.invalid("account.password.tooShort", MIN_PASSWORD_LENGTH);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw DomainException.invalid("account.password.tooLong", MAX_PASSWORD_BYTES);
        }
    }

    public static String normaliseUsername(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    static byte[] tokenHash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
