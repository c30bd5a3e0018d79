package org.haolin.rota.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who may cover whom on a rest day: substitute rank → the ranks it may cover (a town's rows, or the defaults). */
public record RankRules(Map<String, Set<String>> covers) {

    /** The ranks that hold a daily seat in a residential area. */
    public static final Set<String> SEAT_RANKS = Set.of("SECRETARY", "DIRECTOR", "SOCIAL_WORKER");

    public RankRules {
        covers = Map.copyOf(covers);
    }

    /** 处级顶书记, 科级顶主任, 青年干部顶社工: what a town without its own rows uses. */
    public static RankRules defaults() {
        return new RankRules(Map.of("DIVISION", Set.of("SECRETARY"), "SECTION", Set.of("DIRECTOR"),
                "YOUNG_CADRE", Set.of("SOCIAL_WORKER")));
    }

    /** Rules from rows of (substitute rank, covered rank); no rows gives the defaults. */
    public static RankRules of(List<Map.Entry<String, String>> rows) {
        if (rows.isEmpty()) {
            return defaults();
        }
        Map<String, Set<String>> covers = new HashMap<>();
        rows.forEach(r -> covers.computeIfAbsent(r.getKey(), k -> new HashSet<>()).add(r.getValue()));
        return new RankRules(covers);
    }

    public boolean mayCover(String substituteRank, String coveredRank) {
        return substituteRank != null && coveredRank != null && covers.getOrDefault(substituteRank, Set.of()).contains(coveredRank);
    }
}
