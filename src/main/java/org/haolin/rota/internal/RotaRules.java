package org.haolin.rota.internal;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * The rota's rules. Hard: every slot filled; a day without shifts in every 7 consecutive days; a slot filled only
 * by someone who may stand there (a post's member, a seat's holder or a cadre whose rank covers the holder's); no
 * one in two places at once; no more than the person's hours in any 7-day block from the first day; nobody on a day
 * they said they cannot work. Soft: seats kept by their holders, fair load, rest on preferred days, continuity.
 * Every hard rule justifies its matches with a {@link Breach} naming the person, post and day.
 */
public class RotaRules implements ConstraintProvider {

    public static final String UNCOVERED = "uncovered";
    public static final String REST_DAY = "rest day";
    public static final String MAY_STAND = "may stand there";
    public static final String TWO_PLACES = "two places at once";
    public static final String MAX_HOURS = "max hours";
    public static final String UNAVAILABLE = "unavailable";

    // a substitute stands in only when the holder rests: costlier than any fairness gain from resting more
    static final long SUBSTITUTE_COST = 1_000;
    static final long PREFERS_REST_COST = 200;
    static final long CONTINUITY_GAIN = 30;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[]{uncovered(factory), restDay(factory), mayStand(factory), twoPlaces(factory),
                maxHours(factory), unavailable(factory), substitutes(factory), fairness(factory),
                prefersRest(factory), continuity(factory)};
    }

    Constraint uncovered(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(RotaSlot.class)
                .filter(slot -> slot.getPerson() == null)
                .penalize(HardSoftLongScore.ONE_HARD)
                .justifyWith((slot, score) -> slot.uncovered())
                .asConstraint(UNCOVERED);
    }

    Constraint restDay(ConstraintFactory factory) {
        return factory.forEach(RotaSlot.class)
                .groupBy(RotaSlot::getPerson, ConstraintCollectors.toSortedSet(RotaSlot::day))
                .flattenLast(RotaRules::weeksWithoutRest)
                .penalize(HardSoftLongScore.ONE_HARD)
                .justifyWith((person, from, score) -> Breach.of("rota.rule.rest", person.name(), from, from.plusDays(6)))
                .asConstraint(REST_DAY);
    }

    Constraint mayStand(ConstraintFactory factory) {
        return factory.forEach(RotaSlot.class)
                .filter(slot -> !slot.mayBeFilledBy(slot.getPerson()))
                .penalize(HardSoftLongScore.ONE_HARD)
                .justifyWith((slot, score) -> slot.kind() == SlotKind.SEAT
                        ? Breach.of("rota.rule.rank", slot.getPerson().name(), slot.getPerson().rankKey(),
                        slot.seatHolder().name(), slot.seatHolder().rankKey(), slot.day())
                        : Breach.of("rota.rule.member", slot.getPerson().name(), slot.label(), slot.day()))
                .asConstraint(MAY_STAND);
    }

    Constraint twoPlaces(ConstraintFactory factory) {
        return factory.forEachUniquePair(RotaSlot.class,
                        Joiners.equal(RotaSlot::getPerson), Joiners.equal(RotaSlot::day),
                        Joiners.overlapping(RotaSlot::startMinute, RotaSlot::endMinute))
                .penalize(HardSoftLongScore.ONE_HARD)
                .justifyWith((a, b, score) -> Breach.of("rota.rule.twoPlaces", a.getPerson().name(), a.day(),
                        place(a), place(b)))
                .asConstraint(TWO_PLACES);
    }

    Constraint maxHours(ConstraintFactory factory) {
        return factory.forEach(RotaSlot.class)
                .groupBy(RotaSlot::getPerson, RotaSlot::weekStart, ConstraintCollectors.sum(RotaSlot::minutes))
                .filter((person, week, minutes) -> minutes > person.maxHoursWeek() * 60)
                .penalizeLong(HardSoftLongScore.ONE_HARD,
                        (person, week, minutes) -> (minutes - person.maxHoursWeek() * 60L + 59) / 60)
                .justifyWith((person, week, minutes, score) -> Breach.of("rota.rule.maxHours", person.name(), week,
                        week.plusDays(6), hours(minutes), person.maxHoursWeek()))
                .asConstraint(MAX_HOURS);
    }

    Constraint unavailable(ConstraintFactory factory) {
        return factory.forEach(RotaSlot.class)
                .filter(slot -> slot.getPerson().unavailable().contains(slot.day()))
                .penalize(HardSoftLongScore.ONE_HARD)
                .justifyWith((slot, score) -> Breach.of("rota.rule.unavailable", slot.getPerson().name(), slot.day()))
                .asConstraint(UNAVAILABLE);
    }

    Constraint substitutes(ConstraintFactory factory) {
        return factory.forEach(RotaSlot.class)
                .filter(RotaSlot::substituted)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, slot -> SUBSTITUTE_COST)
                .asConstraint("seat kept by its holder");
    }

    /** Squared hours: one long week for one person costs more than two ordinary ones. */
    Constraint fairness(ConstraintFactory factory) {
        return factory.forEach(RotaSlot.class)
                .groupBy(RotaSlot::getPerson, ConstraintCollectors.sumLong(slot -> (long) slot.minutes()))
                .penalizeLong(HardSoftLongScore.ONE_SOFT, (person, minutes) -> minutes * minutes / 3600)
                .asConstraint("fair load");
    }

    Constraint prefersRest(ConstraintFactory factory) {
        return factory.forEach(RotaSlot.class)
                .filter(slot -> slot.getPerson().prefersRest().contains(slot.day()))
                .penalizeLong(HardSoftLongScore.ONE_SOFT, slot -> PREFERS_REST_COST)
                .asConstraint("rest on a preferred day");
    }

    Constraint continuity(ConstraintFactory factory) {
        return factory.forEach(RotaSlot.class)
                .filter(slot -> slot.kind() == SlotKind.POST)
                .join(RotaSlot.class, Joiners.equal(RotaSlot::getPerson), Joiners.equal(RotaSlot::postId),
                        Joiners.equal(slot -> slot.dayIndex() + 1, RotaSlot::dayIndex))
                .rewardLong(HardSoftLongScore.ONE_SOFT, (a, b) -> CONTINUITY_GAIN)
                .asConstraint("same post on consecutive days");
    }

    /** The first days of the 7-day windows a person works throughout (any run of 7+ working days). */
    static List<LocalDate> weeksWithoutRest(SortedSet<LocalDate> worked) {
        List<LocalDate> windows = new ArrayList<>();
        LocalDate runStart = null;
        LocalDate previous = null;
        for (LocalDate day : worked) {
            if (previous == null || !day.equals(previous.plusDays(1))) {
                runStart = day;
            }
            if (day.toEpochDay() - runStart.toEpochDay() >= 6) {
                windows.add(day.minusDays(6));
            }
            previous = day;
        }
        return windows;
    }

    private static String place(RotaSlot slot) {
        return slot.kind() == SlotKind.POST ? slot.label() : slot.seatHolder().name();
    }

    private static String hours(int minutes) {
        return minutes % 60 == 0 ? String.valueOf(minutes / 60) : String.format("%.1f", minutes / 60.0);
    }
}
