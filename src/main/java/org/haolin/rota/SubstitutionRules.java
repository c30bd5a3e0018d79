package org.haolin.rota;

import org.haolin.workforce.Rank;

import java.util.List;
import java.util.Set;

/**
 * A town's rank substitution rules as the page shows them: the pairs in force (the town's own, or the defaults when
 * it has none), the cadre ranks that may substitute (rows), the seat ranks (columns), and whether the reader may
 * change them.
 */
public record SubstitutionRules(long townId, String townName, boolean defaults, Set<RankPair> pairs,
                                List<Rank> substitutes, List<Rank> seats, boolean changeable) {

    public SubstitutionRules {
        pairs = Set.copyOf(pairs);
        substitutes = List.copyOf(substitutes);
        seats = List.copyOf(seats);
    }

    public boolean allows(String substitute, String covered) {
        return pairs.contains(new RankPair(substitute, covered));
    }
}
