package org.haolin.rota.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Explains a rota that cannot keep every rule: the obvious impossibilities seen before solving (a post needing
 * more people than can stand there; a seat whose holder nobody may cover), then what the solver could not avoid.
 */
public final class RotaChecks {

    /** Enough to act on; a longer list only hides the first causes. */
    public static final int MOST_PROBLEMS = 40;

    private RotaChecks() {
    }

    public static List<Breach> obvious(RotaPlan plan) {
        List<Breach> problems = new ArrayList<>(shortPosts(plan));
        if (plan.days() >= 7) {
            uncoverable(plan).forEach(holder -> problems.add(
                    Breach.of("rota.problem.noSubstitute", holder.name(), holder.rankKey())));
        }
        return problems;
    }

    /** The problems of a solved plan: the obvious ones first, then each broken hard rule's match, at most 40. */
    public static List<Breach> explain(RotaPlan plan, List<Breach> broken) {
        Set<String> noCover = uncoverable(plan).stream().map(RotaPerson::name).collect(Collectors.toSet());
        List<Breach> problems = new ArrayList<>(obvious(plan));
        for (Breach b : broken) {
            boolean restWithoutCover = b.key().equals("rota.rule.rest") && noCover.contains(b.args().getFirst());
            problems.add(restWithoutCover ? restNoCover(plan, b) : b);
        }
        return problems.size() <= MOST_PROBLEMS ? problems : problems.subList(0, MOST_PROBLEMS);
    }

    private static Breach restNoCover(RotaPlan plan, Breach rest) {
        String rankKey = plan.slots().stream().filter(s -> s.kind() == SlotKind.SEAT
                        && s.seatHolder().name().equals(rest.args().getFirst()))
                .findFirst().map(s -> s.seatHolder().rankKey()).orElse("rota.rank.NONE");
        List<String> args = new ArrayList<>(rest.args());
        args.add(rankKey);
        return new Breach("rota.rule.rest.noCover", args);
    }

    private static List<Breach> shortPosts(RotaPlan plan) {
        record PostDay(long postId, LocalDate day) {
        }
        Map<PostDay, List<RotaSlot>> byPostDay = plan.slots().stream().filter(s -> s.kind() == SlotKind.POST)
                .collect(Collectors.groupingBy(s -> new PostDay(s.postId(), s.day()), LinkedHashMap::new,
                        Collectors.toList()));
        Map<Long, TreeMap<LocalDate, List<RotaSlot>>> shortByPost = new LinkedHashMap<>();
        byPostDay.forEach((key, slots) -> {
            if (slots.size() > slots.getFirst().getEligible().size()) {
                shortByPost.computeIfAbsent(key.postId(), id -> new TreeMap<>()).put(key.day(), slots);
            }
        });
        List<Breach> problems = new ArrayList<>();
        shortByPost.values().forEach(days -> {
            List<RotaSlot> first = days.firstEntry().getValue();
            problems.add(Breach.of("rota.problem.postShort", first.getFirst().label(), days.firstKey(),
                    days.lastKey(), first.size(), first.getFirst().getEligible().size()));
        });
        return problems;
    }

    private static List<RotaPerson> uncoverable(RotaPlan plan) {
        return plan.slots().stream().filter(s -> s.kind() == SlotKind.SEAT && s.getEligible().size() == 1)
                .map(RotaSlot::seatHolder).distinct().toList();
    }
}
