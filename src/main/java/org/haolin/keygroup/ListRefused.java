package org.haolin.keygroup;

import org.haolin.platform.DomainException;
import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A list refused as a whole because some of its rows are wrong: nothing of it is saved, and every problem
 * names its row and field so the office can correct the file and send it again.
 */
public class ListRefused extends DomainException {

    /** More problems than this are not listed one by one: the office fixes the first ones and sends again. */
    public static final int LISTED = 200;

    private final transient List<ListRowProblem> problems;

    public ListRefused(List<ListRowProblem> problems, int rowsWithProblems) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "keygroup.rows.invalid", rowsWithProblems);
        this.problems = List.copyOf(problems.subList(0, Math.min(LISTED, problems.size())));
    }

    public List<ListRowProblem> problems() {
        return problems;
    }
}
