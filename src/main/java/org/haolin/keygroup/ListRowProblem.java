package org.haolin.keygroup;

import java.util.List;

/**
 * Why one field of one row of a list cannot be taken: the row number (in the sheet, or from 1 in a pushed
 * list), the field, and a message key with its arguments. Arguments never carry an ID number or phone.
 */
public record ListRowProblem(int row, ListField field, String messageKey, List<String> args) {

    public ListRowProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static ListRowProblem of(int row, ListField field, String messageKey, String... args) {
        return new ListRowProblem(row, field, messageKey, List.of(args));
    }
}
