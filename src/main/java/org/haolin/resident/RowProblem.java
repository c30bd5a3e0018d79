package org.haolin.resident;

import java.util.List;

/**
 * Why one field of one roster line cannot be taken: the field and a message key with its arguments.
 * Arguments never carry an ID number or phone, so problems may be stored and shown as they are.
 */
public record RowProblem(ResidentField field, String messageKey, List<String> args) {

    public RowProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static RowProblem of(ResidentField field, String messageKey, String... args) {
        return new RowProblem(field, messageKey, List.of(args));
    }
}
