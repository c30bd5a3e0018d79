package org.haolin.screening;

import java.util.List;

/**
 * What a batch of results did: rows applied, rows that repeated a result already recorded (nothing changed),
 * the tubes that turned positive now, and every row that was not taken with its reason.
 */
public record ResultsApplied(int applied, int unchanged, List<String> newPositives, List<ResultProblem> problems) {

    public ResultsApplied {
        newPositives = List.copyOf(newPositives);
        problems = List.copyOf(problems);
    }
}
