package org.haolin.sweep.internal;

import haolin.schema.tables.Area;
import org.haolin.resident.ResidenceStatus;
import org.haolin.sweep.StairwellProgress;
import org.haolin.sweep.SweepRound;
import org.haolin.sweep.TeamMember;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.SWEEP_MARK;
import static haolin.schema.Tables.SWEEP_ROUND;
import static haolin.schema.Tables.SWEEP_STAIRWELL;
import static haolin.schema.Tables.SWEEP_TEAM_MEMBER;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.selectCount;

/** Each stairwell's progress in a round: residents to mark, marked, completed, team. Counts only, no names. */
@Component
public class ProgressStore {

    private final DSLContext db;
    private final TeamStore teams;

    ProgressStore(DSLContext db, TeamStore teams) {
        this.db = db;
        this.teams = teams;
    }

    public List<StairwellProgress> of(SweepRound round) {
        return fetch(SWEEP_STAIRWELL.TOWN_ID.eq(round.townId()).and(SWEEP_STAIRWELL.ROUND_ID.eq(round.id())),
                round.townId());
    }

    /** The week's stairwells whose team the person is on, in every town. */
    public List<StairwellProgress> onTeamOf(long accountId, LocalDate week) {
        var mine = teams.stairwellsOf(accountId);
        if (mine.isEmpty()) {
            return List.of();
        }
        return mine.entrySet().stream().flatMap(byTown -> fetch(SWEEP_STAIRWELL.TOWN_ID.eq(byTown.getKey())
                .and(SWEEP_STAIRWELL.AREA_ID.in(byTown.getValue()))
                .and(SWEEP_STAIRWELL.ROUND_ID.in(db.select(SWEEP_ROUND.ID).from(SWEEP_ROUND)
                        .where(SWEEP_ROUND.TOWN_ID.eq(byTown.getKey()), SWEEP_ROUND.WEEK.eq(week)))),
                byTown.getKey()).stream()).toList();
    }

    private List<StairwellProgress> fetch(Condition which, long townId) {
        Area building = AREA.as("building");
        var residents = selectCount().from(RESIDENT).where(RESIDENT.TOWN_ID.eq(SWEEP_STAIRWELL.TOWN_ID),
                RESIDENT.AREA_ID.eq(SWEEP_STAIRWELL.AREA_ID),
                RESIDENT.RESIDENCE_STATUS.ne(ResidenceStatus.MOVED_OUT.name()).or(RESIDENT.ID.in(
                        db.select(SWEEP_MARK.RESIDENT_ID).from(SWEEP_MARK).where(SWEEP_MARK.ROUND_ID.eq(SWEEP_STAIRWELL.ROUND_ID)))));
        var marked = selectCount().from(SWEEP_MARK).where(SWEEP_MARK.TOWN_ID.eq(SWEEP_STAIRWELL.TOWN_ID),
                SWEEP_MARK.ROUND_ID.eq(SWEEP_STAIRWELL.ROUND_ID), SWEEP_MARK.AREA_ID.eq(SWEEP_STAIRWELL.AREA_ID),
                SWEEP_MARK.PRESENCE.isNotNull());
        var rows = db.select(SWEEP_STAIRWELL.ROUND_ID, SWEEP_STAIRWELL.AREA_ID,
                        building.NAME.concat(inline(" ")).concat(AREA.NAME), residents.asField(), marked.asField(),
                        SWEEP_STAIRWELL.COMPLETED_AT, SWEEP_STAIRWELL.COMPLETED_BY_NAME)
                .from(SWEEP_STAIRWELL).join(AREA).on(AREA.ID.eq(SWEEP_STAIRWELL.AREA_ID))
                .join(building).on(building.ID.eq(AREA.PARENT_ID))
                .where(which)
                .orderBy(SWEEP_STAIRWELL.AREA_PATH, SWEEP_STAIRWELL.ROUND_ID)
                .fetch();
        Map<Long, List<TeamMember>> team = teams.teams(townId, rows.map(r -> r.value2()));
        return rows.map(r -> new StairwellProgress(r.value1(), r.value2(), r.value3(), (Integer) r.value4(),
                (Integer) r.value5(), r.value6(), r.value7(), team.getOrDefault(r.value2(), List.of())));
    }
}
