package org.haolin.sweep;

import org.haolin.TestTown;
import org.haolin.resident.MainlandIdNumber;

import java.time.LocalDate;
import java.util.Set;

/** A test town with this week's round open for area 1 and stairwell 1's team: leader 1 and Party member 1. */
record SweepFixture(TestTown.Town town, SweepRound round) {

    static SweepFixture create(TestTown testTown, SweepRounds rounds, SweepTeams teams) {
        TestTown.Town town = testTown.create();
        SweepRound round = rounds.open(town.secretary1(), town.area1().id());
        teams.assign(town.secretary1(), town.stairwell1().id(), TeamRole.BUILDING_LEADER, town.leader1().accountId());
        teams.assign(town.secretary1(), town.stairwell1().id(), TeamRole.PARTY_GROUP_LEADER,
                town.partyMember1().accountId());
        return new SweepFixture(town, round);
    }

    long stairwell() {
        return town.stairwell1().id();
    }

    long resident(int i) {
        return town.residents().get(i);
    }

    static MarkOrder first(long residentId, Presence presence) {
        return new MarkOrder(residentId, 0, presence, Set.of());
    }

    /** A valid mainland ID number nobody in the town has. */
    String newIdNumber(int i) {
        return MainlandIdNumber.compose("310120", LocalDate.of(1985, 1 + i % 12, 1 + town.n() % 28),
                (town.n() * 3 + i * 2) % 998 + 1);
    }
}
