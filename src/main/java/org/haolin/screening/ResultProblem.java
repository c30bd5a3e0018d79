package org.haolin.screening;

import java.util.List;

/**
 * Why one row of results was not taken: its row number (in the sheet, or from 1 in a JSON list), the field,
 * and a message key with its arguments.
 */
public record ResultProblem(int row, ResultField field, String messageKey, List<String> args) {

    public ResultProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static ResultProblem of(int row, ResultField field, String messageKey, String... args) {
        return new ResultProblem(row, field, messageKey, List.of(args));
    }
}
