package org.haolin.platform;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The quick reading of scan timestamps agrees with Java's own parser, instant for instant. */
class IsoTimestampsTests {

    @Test
    void readsWhatBrowsersAndJavaWriteAsTheSameInstantInUtc() {
        Random random = new Random(20260428);
        for (int i = 0; i < 20_000; i++) {
            OffsetDateTime written = OffsetDateTime.of(1970 + random.nextInt(130), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000),
                    ZoneOffset.ofTotalSeconds((random.nextInt(35) - 17) * 3600 + (random.nextBoolean() ? 0 : 1800)));
            for (String text : List.of(written.toString(), written.toInstant().toString())) {
                assertThat(IsoTimestamps.parse(text)).as(text)
                        .isEqualTo(OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC));
            }
        }
        assertThat(IsoTimestamps.parse("2026-04-28T09:12:03.5+08:00"))
                .isEqualTo(OffsetDateTime.parse("2026-04-28T01:12:03.500Z"));
        // shapes Java's parser also takes: no seconds, a point without digits, an offset without minutes
        assertThat(List.of("2026-04-28T09:12+08:00", "2026-04-28T09:12:00.+08:00", "2026-04-28T09:12:00+08"))
                .allSatisfy(text -> assertThat(IsoTimestamps.parse(text))
                        .isEqualTo(OffsetDateTime.parse("2026-04-28T01:12:00Z")));
    }

    @Test
    void refusesWhatIsNotATimestampWithAnOffset() {
        for (String text : List.of("", "2026-04-28", "2026-04-28T09:12:03", "2026-02-30T09:12:03Z",
                "2026-04-28T24:00:00Z", "2026-04-28T09:12:03.1234567891Z",
                "2026-04-28T09:12:03+19:00", "２０２６-04-28T09:12:03Z", "28/04/2026 09:12")) {
            assertThatThrownBy(() -> IsoTimestamps.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }
}
