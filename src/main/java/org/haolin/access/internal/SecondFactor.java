package org.haolin.access.internal;

import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.time.SystemTimeProvider;
import org.springframework.stereotype.Component;

/** Time-based one-time codes (RFC 6238, 30-second steps, 6 digits), one step of clock drift allowed. */
@Component
public class SecondFactor {

    private final CodeVerifier verifier;

    SecondFactor() {
        DefaultCodeVerifier codes = new DefaultCodeVerifier(new DefaultCodeGenerator(), new SystemTimeProvider());
        codes.setAllowedTimePeriodDiscrepancy(1);
        this.verifier = codes;
    }

    public String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    public boolean accepts(String secret, String code) {
        return secret != null && code != null && code.trim().matches("\\d{6}") && verifier.isValidCode(secret, code.trim());
    }

    public static String otpauthUri(String username, String secret) {
        return "otpauth://totp/Haolin:" + username + "?secret=" + secret + "&issuer=Haolin";
    }
}
