package org.haolin.roster.web;

import org.haolin.resident.ResidentField;
import org.haolin.roster.ImportReport;
import org.haolin.roster.RejectedRow;
import org.haolin.roster.RosterJob;
import org.haolin.roster.internal.Reasons;
import org.haolin.roster.internal.RosterColumns;

import java.util.List;
import java.util.Locale;

/** A job page's content: the job, the refusal in words, and the first rejected rows with their reasons. */
record JobView(RosterJob job, String problem, List<Line> rejected, int moreRejected) {

    static final int SHOWN = 200;

    /** One rejected row as the page lists it; the name helps find it in the sheet. */
    record Line(int row, String name, String reasons) {
    }

    static JobView of(ImportReport report, Reasons reasons, Locale locale) {
        RosterJob job = report.job();
        String problem = job.problemKey() == null ? null : reasons.message(job.problemKey(), job.problemArgs(), locale);
        int nameColumn = nameColumn(report.header());
        List<Line> lines = report.rejected().stream().limit(SHOWN)
                .map(r -> new Line(r.row(), cell(r, nameColumn), reasons.reasons(r.problems(), locale))).toList();
        return new JobView(job, problem, lines, Math.max(0, report.rejected().size() - SHOWN));
    }

    private static int nameColumn(List<String> header) {
        for (int c = 0; c < header.size(); c++) {
            if (RosterColumns.field(header.get(c)) == ResidentField.NAME) {
                return c;
            }
        }
        return -1;
    }

    private static String cell(RejectedRow row, int column) {
        return column < 0 || column >= row.cells().size() ? "" : row.cells().get(column);
    }
}
