package org.haolin.screening.internal;

import org.haolin.access.HaolinUser;
import org.haolin.screening.Scan;
import org.haolin.screening.ScanResult;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** One request's well-formed scans waiting for the writer, with the points the user may scan at. */
public record PendingScans(HaolinUser user, long campaignId, Map<Long, ScanPoint> points, List<Scan> scans,
                           CompletableFuture<List<ScanResult>> done) {

    public PendingScans(HaolinUser user, long campaignId, Map<Long, ScanPoint> points, List<Scan> scans) {
        this(user, campaignId, points, scans, new CompletableFuture<>());
    }

    /** The campaign's day (every point of a request is one of its campaign's). */
    public LocalDate day() {
        return points.values().iterator().next().campaignDay();
    }
}
