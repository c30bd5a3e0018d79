package org.haolin.sweep;

import org.haolin.access.Accounts;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.area.AreaTree;
import org.haolin.platform.DomainException;
import org.haolin.sweep.internal.SweepAccess;
import org.haolin.sweep.internal.TeamStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Each stairwell's sweep team, chosen by people who organise sweeps there from the accounts holding a role in
 * the residential area that may sweep the stairwell.
 */
@Service
public class SweepTeams {

    /** A stairwell's team and the people who could be on it. */
    public record Team(Area stairwell, List<Area> lineage, List<TeamMember> members, List<Candidate> candidates) {

        public TeamMember in(TeamRole role) {
            return members.stream().filter(m -> m.role() == role).findFirst().orElse(null);
        }
    }

    public record Candidate(long accountId, String name) {
    }

    private final SweepAccess access;
    private final TeamStore teams;
    private final Accounts accounts;
    private final Scopes scopes;
    private final AreaTree areas;

    SweepTeams(SweepAccess access, TeamStore teams, Accounts accounts, Scopes scopes, AreaTree areas) {
        this.access = access;
        this.teams = teams;
        this.accounts = accounts;
        this.scopes = scopes;
        this.areas = areas;
    }

    @Transactional(readOnly = true)
    public Team team(HaolinUser user, long stairwellId) {
        Area stairwell = access.organisedStairwell(user, stairwellId);
        return new Team(stairwell, areas.lineage(stairwell), teams.team(stairwell.townId(), stairwellId),
                candidates(stairwell));
    }

    /** Puts a person in one place of the team (or, with no account, leaves the place empty). */
    @Transactional
    public void assign(HaolinUser user, long stairwellId, TeamRole role, Long accountId) {
        Area stairwell = access.organisedStairwell(user, stairwellId);
        if (accountId == null) {
            teams.remove(stairwell, role);
            return;
        }
        Candidate chosen = candidates(stairwell).stream().filter(c -> c.accountId() == accountId).findFirst()
                .orElseThrow(() -> DomainException.invalid("sweep.team.notEligible"));
        teams.put(stairwell, role, chosen.accountId(), chosen.name(), user.accountId());
    }

    private List<Candidate> candidates(Area stairwell) {
        List<Long> lineage = stairwell.lineage();
        String residentialArea = lineage.subList(0, 3).stream().map(String::valueOf)
                .reduce("", (path, id) -> path + id + ".");
        return accounts.holdingRolesInside(stairwell.townId(), residentialArea).stream()
                .filter(a -> scopes.of(a, Permission.SWEEP).covers(stairwell.path()))
                .map(a -> new Candidate(a.accountId(), a.displayName()))
                .toList();
    }
}
