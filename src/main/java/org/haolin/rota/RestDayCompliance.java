package org.haolin.rota;

import java.time.LocalDate;
import java.util.Set;

/**
 * Rest-day compliance of one published rota covering today, for the residential area (or town) it covers.
 * people: everyone holding at least one shift of the rota; compliant: those of them who have at least one day
 * without any shift of the rota in every window of seven consecutive days lying between the rota's first day and
 * today (both included). While fewer than seven days have passed there is no full window, so everyone complies.
 */
public record RestDayCompliance(long rotaId, String rotaName, long areaId, String areaName, int people,
                                int compliant) {

    /** The share of compliant people in percent, rounded down; 100 when nobody holds a shift. */
    public int percent() {
        return people == 0 ? 100 : compliant * 100 / people;
    }

    /** Whether the days worked leave a rest day in every full seven-day window of [first, last]. */
    public static boolean restsEverySeven(Set<LocalDate> worked, LocalDate first, LocalDate last) {
        int streak = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            streak = worked.contains(day) ? streak + 1 : 0;
            if (streak >= 7) {
                return false;
            }
        }
        return true;
    }
}
