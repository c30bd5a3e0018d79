package org.haolin.access.internal;

import org.haolin.MovableClock;
import org.haolin.access.HaolinUser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenUsersTests {

    private static final HaolinUser STATION = new HaolinUser(7, "sampler", "采样员", false, List.of());

    private final MovableClock clock = new MovableClock();
    private final TokenUsers users = new TokenUsers(clock);
    private final AtomicInteger lookUps = new AtomicInteger();

    /** A look-up that takes a while, as a database round trip under load does. */
    private Optional<HaolinUser> slowLookUp(Optional<HaolinUser> answer) {
        lookUps.incrementAndGet();
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return answer;
    }

    private List<Optional<HaolinUser>> sendTogether(int requests, String token, Optional<HaolinUser> answer)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Optional<HaolinUser>>> sent = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                sent.add(threads.submit(() -> {
                    start.await();
                    return users.user(token, () -> slowLookUp(answer));
                }));
            }
            start.countDown();
            List<Optional<HaolinUser>> answers = new ArrayList<>();
            for (var f : sent) {
                answers.add(f.get());
            }
            return answers;
        }
    }

    @Test
    void requestsArrivingTogetherLookATokenUpOnceAndAgainOnlyWhenItsHoldRunsOut() throws Exception {
        assertThat(sendTogether(100, "t-1", Optional.of(STATION))).containsOnly(Optional.of(STATION));
        assertThat(lookUps).hasValue(1);

        sendTogether(100, "t-1", Optional.of(STATION));
        assertThat(lookUps).as("still held").hasValue(1);

        clock.advance(TokenUsers.HOLD);
        assertThat(sendTogether(100, "t-1", Optional.of(STATION))).containsOnly(Optional.of(STATION));
        assertThat(lookUps).as("the hold ran out: one look-up for the hundred").hasValue(2);
    }

    @Test
    void anUnknownTokenIsNotHeldAndAFailedLookUpIsTriedAgain() throws Exception {
        assertThat(sendTogether(20, "guess", Optional.empty())).containsOnly(Optional.empty());
        users.user("guess", () -> slowLookUp(Optional.empty()));
        assertThat(lookUps.get()).as("asked again after the first answers").isGreaterThanOrEqualTo(2);

        assertThatThrownBy(() -> users.user("t-2", () -> {
            throw new IllegalStateException("pool empty");
        })).isInstanceOf(IllegalStateException.class).hasMessage("pool empty");
        assertThat(users.user("t-2", () -> Optional.of(STATION))).contains(STATION);
    }

    @Test
    void forgettingMakesTheNextRequestLookUpAgain() {
        users.user("t-3", () -> slowLookUp(Optional.of(STATION)));
        users.forget();
        users.user("t-3", () -> slowLookUp(Optional.of(STATION)));
        assertThat(lookUps).hasValue(2);
    }
}
