package org.haolin.platform;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LocalTimesTests {

    private final LocalTimes shanghai = new LocalTimes(Clock.system(ZoneId.of("Asia/Shanghai")));

    @Test
    void timesFromTheDatabaseAreShownInTheTownsZone() {
        OffsetDateTime utc = OffsetDateTime.of(2022, 4, 9, 17, 30, 0, 0, ZoneOffset.UTC);
        assertThat(shanghai.format(utc, "yyyy-MM-dd HH:mm")).isEqualTo("2022-04-10 01:30");
        assertThat(shanghai.format(utc.toInstant(), "HH:mm")).isEqualTo("01:30");
    }

    @Test
    void nothingShowsAsEmpty() {
        assertThat(shanghai.format(null, "yyyy-MM-dd")).isEmpty();
        assertThat(shanghai.format(Instant.EPOCH.atOffset(ZoneOffset.UTC).toLocalDate(), "yyyy-MM-dd"))
                .isEqualTo("1970-01-01");
    }
}
