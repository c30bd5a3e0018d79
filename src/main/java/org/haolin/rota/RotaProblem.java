package org.haolin.rota;

import java.util.List;

/**
 * Which rule fails where: a message key and its arguments. An argument that is itself a message key (it starts
 * with "rota.", e.g. a rank) is rendered in the reader's language too.
 */
public record RotaProblem(String key, List<String> args) {

    public RotaProblem {
        args = List.copyOf(args);
    }
}
