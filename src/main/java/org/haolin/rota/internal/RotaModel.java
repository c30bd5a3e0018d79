package org.haolin.rota.internal;

import org.haolin.plan.PostDemand;
import org.haolin.workforce.Worker;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the solver's model of a rota: the people of the pool with their wishes, and the slots of each day (post
 * slots from the plans in force, staff seats for the residential-area workers with a seat rank).
 */
public final class RotaModel {

    /** A person's wishes: day → UNAVAILABLE or PREFERS_REST. */
    public record Wishes(Map<Long, Map<LocalDate, String>> byPerson) {

        public static Wishes none() {
            return new Wishes(Map.of());
        }

        Set<LocalDate> days(long personId, String kind) {
            return byPerson.getOrDefault(personId, Map.of()).entrySet().stream()
                    .filter(e -> e.getValue().equals(kind)).map(Map.Entry::getKey).collect(Collectors.toSet());
        }
    }

    private RotaModel() {
    }

    /** The slots a period needs, from the posts in force each day and the seats of the pool's staff. */
    public static List<ShiftRow> demand(LocalDate firstDay, int days, List<Worker> pool,
                                        Function<LocalDate, List<PostDemand>> postsOn, LocalTime seatStart,
                                        LocalTime seatEnd) {
        List<Worker> holders = pool.stream().filter(RotaModel::holdsSeat).toList();
        List<ShiftRow> rows = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate day = firstDay.plusDays(d);
            for (PostDemand post : postsOn.apply(day)) {
                for (int slot = 1; slot <= post.peopleNeeded(); slot++) {
                    rows.add(new ShiftRow(null, post.compoundId(), post.compoundPath(), day, SlotKind.POST, post.postId(), slot, null,
                            post.compoundName() + " " + post.name(), post.start(), post.end(),
                            post.memberPersonIds(), null));
                }
            }
            for (Worker holder : holders) {
                rows.add(new ShiftRow(null, holder.areaId(), holder.areaPath(), day, SlotKind.SEAT, null, 1, holder.personId(), holder.name(), seatStart,
                        seatEnd, List.of(), null));
            }
        }
        return rows;
    }

    public static boolean holdsSeat(Worker worker) {
        return !worker.cadre() && worker.rankCode() != null && RankRules.SEAT_RANKS.contains(worker.rankCode());
    }

    /** The model of the rows: each slot may be filled by its post's members or its seat's holder and substitutes. */
    public static RotaPlan plan(LocalDate firstDay, int days, List<Worker> pool, RankRules ranks, Wishes wishes,
                                List<ShiftRow> rows) {
        Map<Long, RotaPerson> people = new LinkedHashMap<>();
        for (Worker w : pool) {
            people.put(w.personId(), new RotaPerson(w.personId(), w.name(), w.rankCode(), w.cadre(), w.maxHoursWeek(),
                    wishes.days(w.personId(), "UNAVAILABLE"), wishes.days(w.personId(), "PREFERS_REST")));
        }
        List<RotaPerson> cadres = people.values().stream().filter(RotaPerson::cadre).toList();
        Map<Long, List<RotaPerson>> seatEligible = new LinkedHashMap<>();
        List<RotaSlot> slots = new ArrayList<>(rows.size());
        for (ShiftRow row : rows) {
            RotaPerson holder = row.seatPersonId() == null ? null : people.get(row.seatPersonId());
            if (row.kind() == SlotKind.SEAT && holder == null) {
                continue; // the holder left the pool: their seat is no longer needed
            }
            List<RotaPerson> eligible = row.kind() == SlotKind.SEAT
                    ? seatEligible.computeIfAbsent(holder.id(), id -> seatEligible(holder, cadres, ranks))
                    : row.memberIds().stream().map(people::get).filter(p -> p != null).toList();
            RotaSlot slot = new RotaSlot(row.shiftId(), firstDay, row.day(), row.kind(), row.postId(), row.slotNo(),
                    holder, row.label(), row.start(), row.end(), eligible);
            slot.setPerson(row.personId() == null ? null : people.get(row.personId()));
            slots.add(slot);
        }
        return new RotaPlan(firstDay, days, List.copyOf(people.values()), slots);
    }

    private static List<RotaPerson> seatEligible(RotaPerson holder, List<RotaPerson> cadres, RankRules ranks) {
        List<RotaPerson> eligible = new ArrayList<>();
        eligible.add(holder);
        cadres.stream().filter(c -> ranks.mayCover(c.rankCode(), holder.rankCode())).forEach(eligible::add);
        return eligible;
    }
}
