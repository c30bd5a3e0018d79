package org.haolin.sweep;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.sweep.internal.ChangeReport;
import org.haolin.sweep.internal.ProgressStore;
import org.haolin.sweep.internal.RoundStore;
import org.haolin.sweep.internal.SweepAccess;
import org.haolin.sweep.internal.Weeks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Optional;

/**
 * Sweep rounds: opening this week's, the overview organisers read (coverage, progress, what changed, what is
 * late), and this week's coverage per residential area for the cockpit.
 */
@Service
public class SweepRounds {

    private final SweepAccess access;
    private final RoundStore rounds;
    private final ProgressStore progress;
    private final ChangeReport changes;
    private final Scopes scopes;
    private final AuditTrail audit;
    private final Weeks weeks;
    private final TransactionTemplate tx;

    SweepRounds(SweepAccess access, RoundStore rounds, ProgressStore progress, ChangeReport changes, Scopes scopes,
                AuditTrail audit, Weeks weeks, TransactionTemplate tx) {
        this.tx = tx;
        this.access = access;
        this.rounds = rounds;
        this.progress = progress;
        this.changes = changes;
        this.scopes = scopes;
        this.audit = audit;
        this.weeks = weeks;
    }

    /** Opens this week's round for a residential area (or finds it open already). */
    @Transactional
    public SweepRound open(HaolinUser user, long areaId) {
        Area area = access.organisedArea(user, areaId);
        LocalDate week = weeks.thisWeek();
        return rounds.open(area.townId(), area.id(), area.path(), week, weeks.dueAt(week), user.accountId(),
                user.displayName());
    }

    /**
     * Opens this week's round of every area that had one last week; safe to run any number of times. One
     * transaction per town, so no transaction spans towns.
     */
    public int openCarriedOver() {
        LocalDate week = weeks.thisWeek();
        Map<Long, List<org.jooq.Record>> byTown = rounds.roundsOf(week.minusWeeks(1)).stream()
                .collect(Collectors.groupingBy(r -> r.get(0, Long.class), LinkedHashMap::new, Collectors.toList()));
        byTown.forEach((town, previous) -> tx.executeWithoutResult(s -> previous.forEach(r -> rounds.open(town,
                r.get(1, Long.class), r.get(2, String.class), week, weeks.dueAt(week), null, "-"))));
        return byTown.values().stream().mapToInt(List::size).sum();
    }

    /** A round as its organisers see it; reading the changed residents is audited. */
    @Transactional
    public RoundOverview overview(HaolinUser user, long roundId) {
        SweepRound round = access.organised(user, roundId);
        RoundChanges changed = changes.of(round, scopes.of(user, Permission.ORGANISE_SWEEPS));
        audit.record(user, AuditAction.LIST, AuditedObject.of("SWEEP_ROUND", roundId, round.townId(),
                round.areaPath()), changed.total() + " changes");
        return new RoundOverview(round, rounds.coverage(round), progress.of(round), changed, overdue(round));
    }

    public SweepRound round(HaolinUser user, long roundId) {
        return access.organised(user, roundId);
    }

    /** This week's rounds of the areas the person organises sweeps in (areas without a round included). */
    @Transactional(readOnly = true)
    public List<AreaCoverage> organisedThisWeek(HaolinUser user) {
        return rounds.coverage(scopes.of(user, Permission.ORGANISE_SWEEPS), weeks.thisWeek());
    }

    /**
     * For the cockpit: this week's sweep coverage per residential area in the viewer's scope (the cockpit's
     * own permission), with no round counted as nothing due.
     */
    @Transactional(readOnly = true)
    public List<AreaCoverage> coverageThisWeek(HaolinUser user) {
        return rounds.coverage(scopes.of(user, Permission.VIEW_COCKPIT), weeks.thisWeek());
    }

    /** This week's stairwells whose sweep team the person is on. */
    @Transactional(readOnly = true)
    public List<StairwellProgress> myStairwells(HaolinUser user) {
        return progress.onTeamOf(user.accountId(), weeks.thisWeek());
    }

    public Optional<SweepRound> previous(SweepRound round) {
        return rounds.previous(round);
    }

    private List<OverdueStairwell> overdue(SweepRound round) {
        List<OverdueStairwell> late = new ArrayList<>();
        if (round.pastDue(weeks.now().toInstant())) {
            rounds.notCompleted(round).forEach((id, label) -> late.add(new OverdueStairwell(round.id(), round.week(),
                    id, label, OverdueStairwell.Reason.PAST_DUE)));
        }
        rounds.previous(round).ifPresent(before -> rounds.notCompleted(before).forEach((id, label) ->
                late.add(new OverdueStairwell(before.id(), before.week(), id, label,
                        OverdueStairwell.Reason.PREVIOUS_NOT_COMPLETED))));
        return late;
    }
}
