package org.haolin.rota.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first guess a solve starts from: each seat holder works their seat except one day in seven, the rest days
 * staggered across the holders of a rank so that only about a seventh of them rest on any day, and each rest day
 * is given to the least-loaded cadre who may cover it and is free. A greedy start would rest everybody on the same
 * seventh day and leave far too few cadres for it; the solver then only polishes. Slots already filled and post
 * slots are left alone.
 */
final class StaggeredStart {

    private StaggeredStart() {
    }

    static void apply(RotaPlan plan) {
        List<RotaSlot> seats = plan.slots().stream()
                .filter(s -> s.kind() == SlotKind.SEAT && s.getPerson() == null)
                .sorted(Comparator.comparing(RotaSlot::day).thenComparing(s -> s.seatHolder().id())).toList();
        Map<RotaPerson, Integer> offsets = offsets(seats);
        Map<RotaPerson, Integer> load = new HashMap<>();
        Map<LocalDate, Set<RotaPerson>> busy = new HashMap<>();
        for (RotaSlot seat : seats) {
            RotaPerson holder = seat.seatHolder();
            boolean rests = (seat.dayIndex() + offsets.get(holder)) % 7 == 6 || holder.unavailable().contains(seat.day());
            if (!rests) {
                seat.setPerson(holder);
                continue;
            }
            Set<RotaPerson> taken = busy.computeIfAbsent(seat.day(), d -> new HashSet<>());
            seat.getEligible().stream()
                    .filter(c -> !c.equals(holder) && !taken.contains(c) && !c.unavailable().contains(seat.day()))
                    .filter(c -> (seat.dayIndex() + Math.floorMod(c.id(), 7)) % 7 != 6)
                    .filter(c -> (load.getOrDefault(c, 0) + 1) * seat.minutes() <= c.maxHoursWeek() * 60 * ((plan.days() + 6) / 7))
                    .min(Comparator.comparing((RotaPerson c) -> load.getOrDefault(c, 0)).thenComparing(RotaPerson::id))
                    .ifPresent(c -> {
                        seat.setPerson(c);
                        taken.add(c);
                        load.merge(c, 1, Integer::sum);
                    });
        }
    }

    /** Holder k of a rank rests on the days where (day + k) % 7 == 6. */
    private static Map<RotaPerson, Integer> offsets(List<RotaSlot> seats) {
        Map<String, Integer> next = new HashMap<>();
        Map<RotaPerson, Integer> offsets = new HashMap<>();
        seats.stream().map(RotaSlot::seatHolder).distinct().sorted(Comparator.comparing(RotaPerson::id))
                .forEach(h -> offsets.put(h, next.merge(String.valueOf(h.rankCode()), 1, Integer::sum) % 7));
        return offsets;
    }
}
