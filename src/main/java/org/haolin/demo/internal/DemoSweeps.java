package org.haolin.demo.internal;

import org.haolin.access.Accounts;
import org.haolin.access.HaolinUser;
import org.haolin.access.Role;
import org.haolin.area.AreaLevel;
import org.haolin.sweep.SweepRounds;
import org.haolin.sweep.SweepTeams;
import org.haolin.sweep.TeamRole;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Sweeps in the demo town: this week's round open in every residential area, and the stairwells of the demo
 * building leader's building given a team of the demo building leader, Party member and volunteer, so the
 * demo accounts find their sweep on the first start.
 */
@Component
class DemoSweeps {

    private final SweepRounds rounds;
    private final SweepTeams teams;
    private final Accounts accounts;

    DemoSweeps(SweepRounds rounds, SweepTeams teams, Accounts accounts) {
        this.rounds = rounds;
        this.teams = teams;
        this.accounts = accounts;
    }

    /** Returns how many rounds were opened. */
    int start(LoadedTown town, List<DemoAccount> demoAccounts) {
        Map<String, DemoAccount> byRole = demoAccounts.stream()
                .collect(Collectors.toMap(DemoAccount::role, Function.identity()));
        HaolinUser admin = accounts.user(byRole.get(Role.TOWN_ADMIN.name()).accountId()).orElseThrow();
        List<Integer> areas = indices(town, AreaLevel.RESIDENTIAL_AREA, town.town().path());
        areas.forEach(i -> rounds.open(admin, town.areaIds()[i]));
        DemoAccount leader = byRole.get(Role.BUILDING_LEADER.name());
        String building = town.areaPaths()[indexOf(town, leader.scopeAreaIds().getFirst())];
        for (int stairwell : indices(town, AreaLevel.STAIRWELL, building)) {
            long id = town.areaIds()[stairwell];
            teams.assign(admin, id, TeamRole.BUILDING_LEADER, leader.accountId());
            teams.assign(admin, id, TeamRole.PARTY_GROUP_LEADER, byRole.get(Role.PARTY_MEMBER.name()).accountId());
            teams.assign(admin, id, TeamRole.VOLUNTEER_LEADER, byRole.get(Role.VOLUNTEER.name()).accountId());
        }
        return areas.size();
    }

    private static List<Integer> indices(LoadedTown town, AreaLevel level, String within) {
        return IntStream.range(0, town.areaIds().length)
                .filter(i -> town.generated().areas().get(i).level() == level && town.areaPaths()[i].startsWith(within))
                .boxed().toList();
    }

    private static int indexOf(LoadedTown town, long areaId) {
        return IntStream.range(0, town.areaIds().length).filter(i -> town.areaIds()[i] == areaId).findFirst().orElseThrow();
    }
}
