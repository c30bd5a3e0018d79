package org.haolin.sweep.internal;

import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.platform.DomainException;
import org.haolin.sweep.SweepRound;
import org.springframework.stereotype.Component;

/**
 * Who may do what in sweeps. Organisers hold ORGANISE_SWEEPS over the round's residential area. A stairwell
 * is walked by people holding SWEEP over it who are on its team, or organise sweeps there. Everybody else is
 * told the round or stairwell does not exist, so its existence is not revealed.
 */
@Component
public class SweepAccess {

    private final Scopes scopes;
    private final RoundStore rounds;
    private final TeamStore teams;
    private final AreaTree areas;

    SweepAccess(Scopes scopes, RoundStore rounds, TeamStore teams, AreaTree areas) {
        this.scopes = scopes;
        this.rounds = rounds;
        this.teams = teams;
        this.areas = areas;
    }

    public SweepRound organised(HaolinUser user, long roundId) {
        return rounds.find(roundId).filter(r -> organises(user, r.areaPath()))
                .orElseThrow(() -> DomainException.notFound("sweep.round.notFound", roundId));
    }

    public boolean organises(HaolinUser user, String path) {
        return scopes.of(user, Permission.ORGANISE_SWEEPS).covers(path);
    }

    /** A residential area the person organises sweeps in. */
    public Area organisedArea(HaolinUser user, long areaId) {
        return areas.find(areaId)
                .filter(a -> a.level() == AreaLevel.RESIDENTIAL_AREA && organises(user, a.path()))
                .orElseThrow(() -> DomainException.notFound("area.notFound", areaId));
    }

    /** A stairwell whose team the person may choose: one they organise sweeps over. */
    public Area organisedStairwell(HaolinUser user, long stairwellId) {
        return areas.find(stairwellId)
                .filter(a -> a.level() == AreaLevel.STAIRWELL && organises(user, a.path()))
                .orElseThrow(() -> DomainException.notFound("area.notFound", stairwellId));
    }

    /** The round, when the person may walk this stairwell in it. */
    public SweepRound walkable(HaolinUser user, long roundId, long stairwellId) {
        SweepRound round = rounds.find(roundId)
                .orElseThrow(() -> DomainException.notFound("sweep.round.notFound", roundId));
        Area stairwell = areas.find(stairwellId).filter(a -> a.level() == AreaLevel.STAIRWELL).orElse(null);
        if (stairwell == null || !mayWalk(user, round, stairwell) || !rounds.due(round, stairwellId)) {
            throw DomainException.notFound("sweep.stairwell.notFound", stairwellId);
        }
        return round;
    }

    private boolean mayWalk(HaolinUser user, SweepRound round, Area stairwell) {
        return stairwell.townId() == round.townId() && stairwell.path().startsWith(round.areaPath())
                && scopes.of(user, Permission.SWEEP).covers(stairwell.path())
                && (teams.onTeam(round.townId(), stairwell.id(), user.accountId()) || organises(user, stairwell.path()));
    }
}
