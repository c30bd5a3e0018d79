package org.haolin.access.internal;

import org.haolin.access.HaolinUser;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The person behind a bearer token, held for a few seconds: a scan station or a bench sends thousands of
 * requests a second, and looking up the token, the account and its grants for each would cost three queries
 * apiece. Revoking a token, disabling an account or changing its roles forgets everything held here at once;
 * another app node sees such a change within {@link #HOLD}. When a hold runs out under load, the one request that
 * finds it so looks the token up and the others sending the same token wait for its answer: a station's hundred
 * requests in flight must not all look it up at once (each look-up writes the token's last use, so they queued on
 * that row and emptied the connection pool).
 */
@Component
public class TokenUsers {

    static final Duration HOLD = Duration.ofSeconds(10);
    private static final int MAX_HELD = 10_000;

    private record Held(CompletableFuture<Optional<HaolinUser>> user, Instant until) {

        boolean validAt(Instant now) {
            return now.isBefore(until);
        }
    }

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Clock clock;

    TokenUsers(Clock clock) {
        this.clock = clock;
    }

    /** The person held for the token, or the look-up's answer (made once however many ask at the same moment). */
    public Optional<HaolinUser> user(String token, Supplier<Optional<HaolinUser>> lookUp) {
        Instant now = clock.instant();
        Held known = held.get(token);
        if (known == null || !known.validAt(now)) {
            if (held.size() >= MAX_HELD) {
                held.clear();
            }
            Held mine = new Held(new CompletableFuture<>(), now.plus(HOLD));
            known = held.compute(token, (t, old) -> old != null && old.validAt(now) ? old : mine);
            if (known == mine) {
                lookUpInto(mine, token, lookUp);
            }
        }
        try {
            return known.user().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void lookUpInto(Held mine, String token, Supplier<Optional<HaolinUser>> lookUp) {
        try {
            Optional<HaolinUser> user = lookUp.get();
            if (user.isEmpty()) { // unknown tokens are not held: guessing must not fill the memory
                held.remove(token, mine);
            }
            mine.user().complete(user);
        } catch (RuntimeException e) {
            held.remove(token, mine); // the next request tries again
            mine.user().completeExceptionally(e);
        }
    }

    /** Forgets every person held (after any change to tokens, accounts or roles). */
    public void forget() {
        held.clear();
    }
}
