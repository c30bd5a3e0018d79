package org.haolin.screening;

import org.haolin.access.HaolinUser;
import org.haolin.platform.DomainException;
import org.haolin.resident.InputText;
import org.haolin.screening.internal.PendingScans;
import org.haolin.screening.internal.ScanCommitter;
import org.haolin.screening.internal.ScanPoint;
import org.haolin.screening.internal.ScanPoints;
import org.haolin.screening.internal.ScanTubes;
import org.haolin.screening.internal.StationSearch;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Scanning at a sampling point: check-ins (one scan or up to {@value #MAX_SCANS} queued on a device), closing
 * tubes, and the station's search for people without their code. Who may: SCREEN over the point's area, or the
 * point's staff; anyone else is told the point does not exist. A check-in is answered only once committed, and
 * the same client id always gets the answer its first sending got.
 */
@Service
public class Scans {

    public static final int MAX_SCANS = 500;
    private static final Pattern TUBE_CODE = Pattern.compile("^[A-Z0-9-]{4,40}$");
    private static final int MAX_QUERY = 20;

    private final ScanPoints points;
    private final ScanCommitter committer;
    private final ScanTubes tubes;
    private final StationSearch search;

    Scans(ScanPoints points, ScanCommitter committer, ScanTubes tubes, StationSearch search) {
        this.points = points;
        this.committer = committer;
        this.tubes = tubes;
        this.search = search;
    }

    /** The results in the order of the scans; malformed scans are INVALID, the others wait for the commit. */
    public List<ScanResult> checkIn(HaolinUser user, long campaignId, List<Scan> scans) {
        if (scans == null || scans.isEmpty() || scans.size() > MAX_SCANS) {
            throw DomainException.invalid("screening.scan.batch.size", MAX_SCANS);
        }
        Map<Long, ScanPoint> allowed = new LinkedHashMap<>();
        for (Scan scan : scans) {
            if (scan == null || scan.pointId() == null) {
                throw DomainException.invalid("screening.scan.point.missing");
            }
            allowed.computeIfAbsent(scan.pointId(), id -> points.require(user, campaignId, id));
        }
        ScanResult[] results = new ScanResult[scans.size()];
        List<Scan> wellFormed = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < scans.size(); i++) {
            Scan scan = normalised(scans.get(i));
            if (wellFormed(scan)) {
                wellFormed.add(scan);
                positions.add(i);
            } else {
                results[i] = ScanResult.rejected(scan.clientId(), ScanOutcome.INVALID);
            }
        }
        if (!wellFormed.isEmpty()) {
            List<ScanResult> committed = committer.submit(new PendingScans(user, campaignId, allowed, wellFormed));
            for (int i = 0; i < positions.size(); i++) {
                results[positions.get(i)] = committed.get(i);
            }
        }
        return List.of(results);
    }

    /** Closes a tube of the point by hand; closing a closed tube answers it as it is. */
    public TubeState closeTube(HaolinUser user, long campaignId, TubeClosing closing) {
        if (closing == null || closing.pointId() == null) {
            throw DomainException.invalid("screening.scan.point.missing");
        }
        ScanPoint point = points.require(user, campaignId, closing.pointId());
        String code = tubeCode(closing.tubeCode());
        if (code == null || !TUBE_CODE.matcher(code).matches()) {
            throw DomainException.invalid("screening.scan.tube.invalid");
        }
        return tubes.close(point, code);
    }

    /** Expected residents of the point's area whose name starts with the query or whose room is the query. */
    public List<StationMatch> search(HaolinUser user, long campaignId, long pointId, String query) {
        ScanPoint point = points.require(user, campaignId, pointId);
        String q = InputText.clean(query);
        if (q.isEmpty() || q.length() > MAX_QUERY) {
            throw DomainException.invalid("screening.scan.search.query", MAX_QUERY);
        }
        return search.search(user, point, q);
    }

    private static Scan normalised(Scan scan) {
        return new Scan(strip(scan.clientId()), scan.pointId(), strip(scan.code()), scan.residentId(),
                tubeCode(scan.tubeCode()), scan.scannedAt());
    }

    private static boolean wellFormed(Scan scan) {
        return scan.clientId() != null && scan.clientId().length() >= 8 && scan.clientId().length() <= 64
                && (scan.code() == null) != (scan.residentId() == null)
                && scan.scannedAt() != null
                && (scan.tubeCode() == null || TUBE_CODE.matcher(scan.tubeCode()).matches());
    }

    /** Tube codes are printed labels: blanks around them and letter case do not make another tube. */
    private static String tubeCode(String code) {
        String text = strip(code);
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
