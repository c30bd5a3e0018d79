package org.haolin.rota;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * One shift of the signed-in person in a published rota: a post's slot (post and compound) or a staff seat, either
 * their own (the residential area's desk) or another worker's they cover on that worker's rest day.
 * confirmedAt is when they confirmed the protection checklist at its start (null: not started).
 */
public record MyShift(long shiftId, long townId, long areaId, String areaPath, long personId, LocalDate day,
                      LocalTime startsAt, LocalTime endsAt, boolean post, String postName, String placeName,
                      boolean substitute, String coveredName, String coveredRankZh, String coveredRankEn,
                      OffsetDateTime confirmedAt) {

    public boolean started() {
        return confirmedAt != null;
    }

    public long minutes() {
        return Duration.between(startsAt, endsAt).toMinutes();
    }

    /** A seat held for someone else on their rest day. */
    public boolean covering() {
        return !post && substitute;
    }

    public String coveredRank(Locale locale) {
        String rank = "zh".equals(locale.getLanguage()) ? coveredRankZh : coveredRankEn;
        return rank == null ? "" : rank;
    }
}
