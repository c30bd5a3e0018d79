package org.haolin.keygroup;

import java.util.List;

/**
 * One row with what a person needs to settle it: the candidates to pick from, the stairwells the person may
 * register the resident in (the one the address named first), and whether the ID number is on the row.
 */
public record RowDetail(ListRowView row, List<Candidate> candidates, List<StairwellChoice> stairwells,
                        Long suggestedStairwellId, boolean hasIdNumber) {
}
