package org.haolin.notify.internal;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

    @Test
    void waitsDoubleFromThirtySecondsUpToHalfAnHourThenGiveUp() {
        assertThat(Backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.after(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Backoff.after(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Backoff.after(6)).isEqualTo(Duration.ofMinutes(16));
        assertThat(Backoff.after(7)).isEqualTo(Duration.ofMinutes(30));
        assertThat(Backoff.after(Backoff.MAX_ATTEMPTS)).as("the last attempt failed: give up").isNull();
    }

    @Test
    void anErrorIsDescribedByWhatWentWrongNotByItsDeepestCause() {
        Exception refused = (Exception) new ConnectException().initCause(new ClosedChannelException());
        assertThat(MailChannel.describe(refused)).isEqualTo("ConnectException");
        Exception timedOut = new IllegalStateException("wrapped", new java.net.SocketTimeoutException("Read timed out"));
        assertThat(MailChannel.describe(timedOut)).isEqualTo("IllegalStateException: wrapped");
    }
}
