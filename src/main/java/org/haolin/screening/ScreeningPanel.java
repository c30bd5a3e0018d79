package org.haolin.screening;

import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scope;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.area.AreaTree;
import org.haolin.screening.internal.PanelRows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The screening part of the town overview: the latest open or recent campaigns in the viewer's scope with
 * progress per residential area (from the rollup the scans keep), door-to-door progress and positive tubes.
 * Counts only, nothing personal; the overview audits the viewing.
 */
@Service
public class ScreeningPanel {

    /** Campaigns that ended within this time still show, so the morning after a peak still sees it. */
    static final Duration RECENT = Duration.ofDays(3);
    static final int CAMPAIGNS = 5;

    private final Scopes scopes;
    private final PanelRows rows;
    private final AreaTree areas;
    private final Clock clock;

    ScreeningPanel(Scopes scopes, PanelRows rows, AreaTree areas, Clock clock) {
        this.scopes = scopes;
        this.rows = rows;
        this.areas = areas;
        this.clock = clock;
    }

    /** The campaigns touching the viewed area (any in scope, when within is null), counted inside it. */
    @Transactional(readOnly = true)
    public List<CampaignPanel> campaigns(HaolinUser user, Area within) {
        Scope scope = scopes.of(user, Permission.VIEW_COCKPIT);
        if (scope.isEmpty()) {
            return List.of();
        }
        String path = within == null ? null : within.path();
        return rows.latest(scope, path, OffsetDateTime.now(clock).minus(RECENT), CAMPAIGNS).stream()
                .map(c -> panel(c, scope, path)).toList();
    }

    private CampaignPanel panel(PanelRows.CampaignRow campaign, Scope scope, String within) {
        List<PanelRows.Sums> sums = rows.progress(campaign, scope, within);
        Map<Long, Area> names = sums.isEmpty() ? Map.of()
                : areas.findAll(sums.stream().map(PanelRows.Sums::areaId).toList());
        List<ResidentialProgress> parts = sums.stream().map(s -> new ResidentialProgress(s.areaId(),
                names.containsKey(s.areaId()) ? names.get(s.areaId()).name() : "", s.expected(), s.sampled(),
                s.doorToDoorExpected(), s.doorToDoorSampled())).toList();
        ResidentialProgress total = parts.stream().reduce(new ResidentialProgress(0, "", 0, 0, 0, 0),
                ResidentialProgress::plus);
        return new CampaignPanel(campaign.id(), campaign.name(), campaign.state(), campaign.startsAt(),
                campaign.endsAt(), parts, total, rows.positiveTubes(campaign, scope, within),
                "/campaigns/" + campaign.id() + "/positives");
    }
}
