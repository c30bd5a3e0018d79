package org.haolin.rota;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.SortedMap;
import java.util.TreeMap;

/** One person's time on started shifts (the protection checklist confirmed) of published rotas, per month. */
public record PersonHours(long personId, String name, String areaName, boolean volunteer,
                          SortedMap<YearMonth, Long> minutesByMonth) {

    public PersonHours {
        minutesByMonth = new TreeMap<>(minutesByMonth);
    }

    public long totalMinutes() {
        return minutesByMonth.values().stream().mapToLong(Long::longValue).sum();
    }

    public BigDecimal total() {
        return hours(totalMinutes());
    }

    public BigDecimal in(YearMonth month) {
        return hours(minutesByMonth.getOrDefault(month, 0L));
    }

    /** Hours with one decimal, as a timesheet shows them (7.5). */
    public static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }
}
