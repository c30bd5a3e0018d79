package org.haolin.sweep.internal;

import org.haolin.area.Area;
import org.haolin.sweep.TeamMember;
import org.haolin.sweep.TeamRole;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static haolin.schema.Tables.SWEEP_TEAM_MEMBER;

/** Sweep teams: three places per stairwell, each held by one account. */
@Component
public class TeamStore {

    private final DSLContext db;

    TeamStore(DSLContext db) {
        this.db = db;
    }

    public List<TeamMember> team(long townId, long stairwellId) {
        return teams(townId, List.of(stairwellId)).getOrDefault(stairwellId, List.of());
    }

    public Map<Long, List<TeamMember>> teams(long townId, Collection<Long> stairwellIds) {
        return db.selectFrom(SWEEP_TEAM_MEMBER)
                .where(SWEEP_TEAM_MEMBER.TOWN_ID.eq(townId), SWEEP_TEAM_MEMBER.AREA_ID.in(stairwellIds))
                .orderBy(SWEEP_TEAM_MEMBER.TEAM_ROLE)
                .fetchGroups(SWEEP_TEAM_MEMBER.AREA_ID, r -> new TeamMember(TeamRole.valueOf(r.getTeamRole()),
                        r.getAccountId(), r.getAccountName()));
    }

    public boolean onTeam(long townId, long stairwellId, long accountId) {
        return db.fetchExists(SWEEP_TEAM_MEMBER, SWEEP_TEAM_MEMBER.TOWN_ID.eq(townId),
                SWEEP_TEAM_MEMBER.AREA_ID.eq(stairwellId), SWEEP_TEAM_MEMBER.ACCOUNT_ID.eq(accountId));
    }

    /** The stairwells whose team the account is on, by town. */
    public Map<Long, List<Long>> stairwellsOf(long accountId) {
        return db.select(SWEEP_TEAM_MEMBER.TOWN_ID, SWEEP_TEAM_MEMBER.AREA_ID).from(SWEEP_TEAM_MEMBER)
                .where(SWEEP_TEAM_MEMBER.ACCOUNT_ID.eq(accountId)).fetch().stream()
                .collect(Collectors.groupingBy(r -> r.value1(), Collectors.mapping(r -> r.value2(), Collectors.toList())));
    }

    public void put(Area stairwell, TeamRole role, long accountId, String accountName, long assignedBy) {
        db.insertInto(SWEEP_TEAM_MEMBER)
                .set(SWEEP_TEAM_MEMBER.TOWN_ID, stairwell.townId()).set(SWEEP_TEAM_MEMBER.AREA_ID, stairwell.id())
                .set(SWEEP_TEAM_MEMBER.AREA_PATH, stairwell.path()).set(SWEEP_TEAM_MEMBER.TEAM_ROLE, role.name())
                .set(SWEEP_TEAM_MEMBER.ACCOUNT_ID, accountId).set(SWEEP_TEAM_MEMBER.ACCOUNT_NAME, accountName)
                .set(SWEEP_TEAM_MEMBER.ASSIGNED_BY, assignedBy)
                .onConflict(SWEEP_TEAM_MEMBER.TOWN_ID, SWEEP_TEAM_MEMBER.AREA_ID, SWEEP_TEAM_MEMBER.TEAM_ROLE)
                .doUpdate()
                .set(SWEEP_TEAM_MEMBER.ACCOUNT_ID, accountId).set(SWEEP_TEAM_MEMBER.ACCOUNT_NAME, accountName)
                .set(SWEEP_TEAM_MEMBER.ASSIGNED_BY, assignedBy)
                .set(SWEEP_TEAM_MEMBER.ASSIGNED_AT, org.jooq.impl.DSL.currentOffsetDateTime())
                .execute();
    }

    public void remove(Area stairwell, TeamRole role) {
        db.deleteFrom(SWEEP_TEAM_MEMBER).where(SWEEP_TEAM_MEMBER.TOWN_ID.eq(stairwell.townId()),
                SWEEP_TEAM_MEMBER.AREA_ID.eq(stairwell.id()), SWEEP_TEAM_MEMBER.TEAM_ROLE.eq(role.name())).execute();
    }
}
