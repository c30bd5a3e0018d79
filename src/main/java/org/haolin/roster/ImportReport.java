package org.haolin.roster;

import java.util.List;

/** A finished import job with its rejected rows (and the header of the file they came from). */
public record ImportReport(RosterJob job, List<String> header, List<RejectedRow> rejected) {

    public ImportReport {
        header = List.copyOf(header);
        rejected = List.copyOf(rejected);
    }
}
