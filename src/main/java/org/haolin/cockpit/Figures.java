package org.haolin.cockpit;

import java.util.HashMap;
import java.util.Map;

/**
 * The headline figures of one area: residents, residents in at least one key group, residents in at least
 * one hardship category, and residents per current tag (by tag code). A resident counts once per figure.
 */
public record Figures(int residents, int keyGroup, int hardship, Map<String, Integer> tags) {

    public static final Figures NONE = new Figures(0, 0, 0, Map.of());

    public Figures {
        tags = Map.copyOf(tags);
    }

    public int tag(String code) {
        return tags.getOrDefault(code, 0);
    }

    /** Figures of two areas that do not overlap, such as two residential areas, added up. */
    public Figures plus(Figures other) {
        Map<String, Integer> sum = new HashMap<>(tags);
        other.tags.forEach((code, n) -> sum.merge(code, n, Integer::sum));
        return new Figures(residents + other.residents, keyGroup + other.keyGroup, hardship + other.hardship, sum);
    }
}
