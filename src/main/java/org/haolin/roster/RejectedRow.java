package org.haolin.roster;

import org.haolin.resident.RowProblem;

import java.util.List;

/** A row that was not taken: its row number in the sheet, its cells as they were, and every problem found. */
public record RejectedRow(int row, List<String> cells, List<RowProblem> problems) {

    public RejectedRow {
        cells = List.copyOf(cells);
        problems = List.copyOf(problems);
    }
}
