package org.haolin.rota;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the "my shifts" page shows: today's shifts first, then the coming ones, then those of the last seven days;
 * linked is false when the account belongs to no workforce person (so there can be no shifts to show), and
 * startedMinutes is the person's total time on started shifts of published rotas.
 */
public record MyShiftList(boolean linked, List<MyShift> today, List<MyShift> coming, List<MyShift> recent,
                          long startedMinutes) {

    public MyShiftList {
        today = List.copyOf(today);
        coming = List.copyOf(coming);
        recent = List.copyOf(recent);
    }

    public boolean isEmpty() {
        return today.isEmpty() && coming.isEmpty() && recent.isEmpty();
    }

    public BigDecimal startedHours() {
        return PersonHours.hours(startedMinutes);
    }
}
