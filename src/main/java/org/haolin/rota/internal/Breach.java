package org.haolin.rota.internal;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

import java.util.Arrays;
import java.util.List;

/**
 * Which rule fails where, as a message key and its arguments (names, ISO dates, and argument strings that are
 * themselves message keys, e.g. "rota.rank.SECRETARY", rendered in the reader's language).
 */
public record Breach(String key, List<String> args) implements ConstraintJustification, Comparable<Breach> {

    public Breach {
        args = List.copyOf(args);
    }

    public static Breach of(String key, Object... args) {
        return new Breach(key, Arrays.stream(args).map(String::valueOf).toList());
    }

    @Override
    public int compareTo(Breach o) {
        int byKey = key.compareTo(o.key);
        return byKey != 0 ? byKey : String.join("\u0001", args).compareTo(String.join("\u0001", o.args));
    }
}
