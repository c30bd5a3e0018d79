package org.haolin.access.internal;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import org.haolin.access.Accounts;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.OptionalLong;

import static haolin.schema.Tables.ACCOUNT;

/**
 * Time-based one-time codes (RFC 6238: SHA-1, 30-second steps, 6 digits), one step of drift either way.
 * Each code is accepted once: the step it belongs to is kept, and no code of that step or an earlier
 * one is accepted again, so a code seen over someone's shoulder is worthless.
 */
@Component
public class SecondFactor {

    static final int PERIOD_SECONDS = 30;
    private static final int DRIFT_STEPS = 1;

    private final CodeGenerator codes = new DefaultCodeGenerator();
    private final Accounts accounts;
    private final DSLContext db;
    private final Clock clock;

    SecondFactor(Accounts accounts, DSLContext db, Clock clock) {
        this.accounts = accounts;
        this.db = db;
        this.clock = clock;
    }

    public static String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    public boolean enrolled(long accountId) {
        return accounts.secondFactorSecret(accountId).isPresent();
    }

    /** Checks a code against the account's secret, and uses it up. */
    @Transactional
    public boolean verify(long accountId, String code) {
        return accounts.secondFactorSecret(accountId)
                .map(secret -> matchingStep(secret, code))
                .filter(OptionalLong::isPresent)
                .map(step -> useStep(accountId, step.getAsLong()))
                .orElse(false);
    }

    /** Stores a new secret when the code shows the person's app has it. */
    @Transactional
    public boolean enrol(long accountId, String secret, String code) {
        OptionalLong step = matchingStep(secret, code);
        if (step.isEmpty()) {
            return false;
        }
        accounts.setSecondFactorSecret(accountId, secret);
        return useStep(accountId, step.getAsLong());
    }

    public static String otpauthUri(String username, String secret) {
        return "otpauth://totp/Haolin:" + username + "?secret=" + secret
                + "&issuer=Haolin&algorithm=SHA1&digits=6&period=" + PERIOD_SECONDS;
    }

    private boolean useStep(long accountId, long step) {
        return db.update(ACCOUNT).set(ACCOUNT.TOTP_LAST_STEP, step)
                .where(ACCOUNT.ID.eq(accountId), ACCOUNT.TOTP_LAST_STEP.isNull().or(ACCOUNT.TOTP_LAST_STEP.lt(step)))
                .execute() == 1;
    }

    private OptionalLong matchingStep(String secret, String code) {
        String given = code == null ? "" : code.strip();
        if (secret == null || !given.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long now = Math.floorDiv(clock.instant().getEpochSecond(), PERIOD_SECONDS);
        for (long step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
            if (sameCode(codeAt(secret, step), given)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    private String codeAt(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("cannot compute one-time code", e);
        }
    }

    /** Compared in constant time, so the response time tells nothing about how many digits were right. */
    private static boolean sameCode(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }
}
