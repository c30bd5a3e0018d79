package org.haolin.access.internal;

import org.haolin.access.HaolinUser;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The person behind a bearer token, held for a few seconds: a scan station or a bench sends thousands of
 * requests a second, and looking up the token, the account and its grants for each would cost three queries
 * apiece. Revoking a token, disabling an account or changing its roles forgets everything held here at once;
 * another app node sees such a change within {@link #HOLD}.
 */
@Component
public class TokenUsers {

    static final Duration HOLD = Duration.ofSeconds(10);
    private static final int MAX_HELD = 10_000;

    private record Held(Optional<HaolinUser> user, Instant until) {
    }

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Clock clock;

    TokenUsers(Clock clock) {
        this.clock = clock;
    }

    Optional<HaolinUser> user(String token, Supplier<Optional<HaolinUser>> lookUp) {
        Instant now = clock.instant();
        Held known = held.get(token);
        if (known != null && now.isBefore(known.until())) {
            return known.user();
        }
        Optional<HaolinUser> user = lookUp.get();
        if (user.isPresent()) { // unknown tokens are not held: guessing must not fill the memory
            if (held.size() >= MAX_HELD) {
                held.clear();
            }
            held.put(token, new Held(user, now.plus(HOLD)));
        }
        return user;
    }

    /** Forgets every person held (after any change to tokens, accounts or roles). */
    public void forget() {
        held.clear();
    }
}
