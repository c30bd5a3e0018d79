package org.haolin.rota;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.platform.DomainException;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static haolin.schema.Tables.NOTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The rota through its facade and the database: solve, explain, publish, edit, swap, scope. */
@HaolinTest
class RotasTests {

    static final LocalDate FIRST = LocalDate.of(2026, 12, 7);

    @Autowired
    TestTown testTown;
    @Autowired
    RotaFixture fixture;
    @Autowired
    Rotas rotas;
    @Autowired
    ShiftSwaps swaps;
    @Autowired
    DSLContext db;

    TestTown.Town town;

    @BeforeEach
    void setUp() {
        town = testTown.create();
    }

    Rota solved(long id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> rotas.rota(town.secretary1(), id).state() != RotaState.SOLVING);
        return rotas.rota(town.secretary1(), id);
    }

    record Staffed(long secretary, long cadre, long volunteerA, long volunteerB, long post) {
    }

    /** A secretary with a 处级 cadre to cover her, and a gate needing one of two volunteers (A is volunteer1). */
    Staffed staffed() {
        long secretary = fixture.person(town, town.area1(), "李书记", "SECRETARY", null, 60);
        long cadre = fixture.person(town, town.town(), "王处", "DIVISION", null, 60);
        long a = fixture.person(town, town.area1(), "张三", null, town.volunteer1().accountId(), 48);
        long b = fixture.person(town, town.area1(), "钱五", null, null, 48);
        long post = fixture.post(town, town.compound1(), FIRST.minusDays(1), "3号门岗", 1, List.of(a, b));
        return new Staffed(secretary, cadre, a, b, post);
    }

    @Test
    void aSolvedRotaCoversEveryPostAndSeatWithSubstitutesOfTheAllowedRankAndPublishingTellsThePeople() {
        Staffed s = staffed();
        long id = rotas.create(town.secretary1(), town.area1().id(), FIRST, 7, null);

        rotas.solve(town.secretary1(), id);
        Rota rota = solved(id);

        assertThat(rota.state()).isEqualTo(RotaState.SOLVED);
        assertThat(rota.score()).startsWith("0hard/");
        List<RotaShift> shifts = rotas.shifts(town.secretary1(), id);
        assertThat(shifts).hasSize(14).noneMatch(RotaShift::uncovered);
        assertThat(shifts).filteredOn(RotaShift::substitute).isNotEmpty()
                .allSatisfy(x -> assertThat(x.personId()).isEqualTo(s.cadre()));
        assertThat(shifts).filteredOn(x -> x.kind().equals("SEAT") && !x.substitute())
                .allSatisfy(x -> assertThat(x.personId()).isEqualTo(s.secretary()));

        rotas.publish(town.secretary1(), id);

        assertThat(rotas.rota(town.secretary1(), id).state()).isEqualTo(RotaState.PUBLISHED);
        await().atMost(Duration.ofSeconds(10)).until(() -> db.fetchCount(NOTIFICATION,
                NOTIFICATION.RECIPIENT_ID.eq(town.volunteer1().accountId()), NOTIFICATION.KIND.eq("ROTA_PUBLISHED")) == 1);
    }

    @Test
    void aRotaThatCannotKeepTheRulesIsInfeasibleAndSaysWhichRuleFailsWhere() {
        fixture.person(town, town.area1(), "李书记", "SECRETARY", null, 60);
        long a = fixture.person(town, town.area1(), "张三", null, null, 48);
        long b = fixture.person(town, town.area1(), "钱五", null, null, 48);
        fixture.post(town, town.compound1(), FIRST, "3号门岗", 3, List.of(a, b));
        long id = rotas.create(town.secretary1(), town.area1().id(), FIRST, 7, "十二月第一周");

        rotas.solve(town.secretary1(), id);
        Rota rota = solved(id);

        assertThat(rota.state()).isEqualTo(RotaState.INFEASIBLE);
        assertThat(rota.problems()).contains(
                new RotaProblem("rota.problem.postShort", List.of("星火一村 3号门岗", "2026-12-07", "2026-12-13", "3", "2")),
                new RotaProblem("rota.problem.noSubstitute", List.of("李书记", "rota.rank.SECRETARY")));
        assertThat(rota.problems()).extracting(RotaProblem::key).contains("rota.rule.uncovered.post");
        assertThatThrownBy(() -> rotas.publish(town.secretary1(), id)).isInstanceOf(DomainException.class)
                .hasMessage("rota.notPublishable");
    }

    @Test
    void aManualEditThatBreaksARuleIsRefusedWithThatRule() {
        Staffed s = staffed();
        long id = rotas.create(town.secretary1(), town.area1().id(), FIRST, 7, null);
        rotas.solve(town.secretary1(), id);
        solved(id);
        RotaShift seat = rotas.shifts(town.secretary1(), id).stream().filter(x -> x.kind().equals("SEAT")).findFirst()
                .orElseThrow();
        RotaShift gate = rotas.shifts(town.secretary1(), id).stream().filter(x -> x.kind().equals("POST")).findFirst()
                .orElseThrow();

        assertThatThrownBy(() -> rotas.reassign(town.secretary1(), id, seat.id(), null))
                .isInstanceOf(DomainException.class).hasMessage("rota.rule.uncovered.seat");
        assertThatThrownBy(() -> rotas.reassign(town.secretary1(), id, seat.id(), s.volunteerA()))
                .isInstanceOf(DomainException.class).hasMessage("rota.rule.rank");
        assertThat(rotas.candidates(town.secretary1(), id, gate.id())).extracting(Candidate::personId)
                .containsExactlyInAnyOrder(s.volunteerA(), s.volunteerB());

        long other = gate.personId() == s.volunteerA() ? s.volunteerB() : s.volunteerA();
        fixture.unavailable(town, other, gate.day());
        assertThatThrownBy(() -> rotas.reassign(town.secretary1(), id, gate.id(), other))
                .isInstanceOf(DomainException.class).hasMessage("rota.rule.unavailable");
    }

    @Test
    void aSwapIsApprovedWhenTheRulesHoldAndRefusedWithTheBrokenRuleOtherwise() {
        Staffed s = staffed();
        long id = rotas.create(town.secretary1(), town.area1().id(), FIRST, 7, null);
        rotas.solve(town.secretary1(), id);
        solved(id);
        rotas.publish(town.secretary1(), id);
        List<RotaShift> mine = rotas.shifts(town.secretary1(), id).stream()
                .filter(x -> Long.valueOf(s.volunteerA()).equals(x.personId())).toList();
        assertThat(mine).hasSizeGreaterThanOrEqualTo(2);

        assertThat(swaps.candidates(town.volunteer1(), mine.get(0).id())).extracting(Candidate::personId)
                .containsExactly(s.volunteerB());
        long approved = swaps.request(town.volunteer1(), mine.get(0).id(), s.volunteerB(), "家里有事");
        assertThat(swaps.approve(town.secretary1(), approved).state()).isEqualTo("APPROVED");
        assertThat(rotas.shift(town.secretary1(), id, mine.get(0).id()).personId()).isEqualTo(s.volunteerB());

        long broken = swaps.request(town.volunteer1(), mine.get(1).id(), s.volunteerB(), null);
        fixture.unavailable(town, s.volunteerB(), mine.get(1).day());
        ShiftSwap refused = swaps.approve(town.secretary1(), broken);
        assertThat(refused.state()).isEqualTo("REFUSED");
        assertThat(refused.refusalKey()).isEqualTo("rota.rule.unavailable");
        assertThat(rotas.shift(town.secretary1(), id, mine.get(1).id()).personId()).isEqualTo(s.volunteerA());

        assertThat(swaps.candidates(town.volunteer1(), mine.get(2 % mine.size()).id())).isNotNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> db.fetchCount(NOTIFICATION,
                NOTIFICATION.RECIPIENT_ID.eq(town.volunteer1().accountId()), NOTIFICATION.KIND.eq("SHIFT_SWAP")) == 4);
    }

    @Test
    void aStaffRefusalIsRecordedAndNobodyElseMayAskForSomeoneElsesShift() {
        Staffed s = staffed();
        long id = rotas.create(town.secretary1(), town.area1().id(), FIRST, 7, null);
        rotas.solve(town.secretary1(), id);
        solved(id);
        RotaShift theirs = rotas.shifts(town.secretary1(), id).stream()
                .filter(x -> Long.valueOf(s.volunteerA()).equals(x.personId())).findFirst().orElseThrow();
        assertThatThrownBy(() -> swaps.request(town.volunteer1(), theirs.id(), s.volunteerB(), null))
                .as("not published yet").isInstanceOf(DomainException.class).hasMessage("rota.shift.notFound");
        rotas.publish(town.secretary1(), id);

        long swap = swaps.request(town.volunteer1(), theirs.id(), s.volunteerB(), null);
        swaps.refuse(town.secretary1(), swap);

        assertThat(swaps.of(town.secretary1(), id, null)).singleElement()
                .satisfies(x -> assertThat(x.refusalKey()).isEqualTo("rota.swap.refusedByStaff"));
        assertThatThrownBy(() -> swaps.request(town.partyMember1(), theirs.id(), s.volunteerB(), null))
                .isInstanceOf(DomainException.class).hasMessage("rota.shift.notFound");
    }

    @Autowired
    org.haolin.rota.internal.RotaRunner runner;

    @Test
    void aRotaLeftSolvingByAStoppedNodeIsADraftAgain() {
        long id = rotas.create(town.secretary1(), town.area1().id(), FIRST, 7, null);
        db.update(haolin.schema.Tables.ROTA).set(haolin.schema.Tables.ROTA.STATE, "SOLVING")
                .set(haolin.schema.Tables.ROTA.SOLVE_STARTED_AT, java.time.OffsetDateTime.now().minusHours(1))
                .where(haolin.schema.Tables.ROTA.ID.eq(id)).execute();

        runner.abandonStale();

        Rota rota = rotas.rota(town.secretary1(), id);
        assertThat(rota.state()).isEqualTo(RotaState.DRAFT);
        assertThat(rota.problems()).extracting(RotaProblem::key).containsExactly("rota.problem.interrupted");
    }

    @Test
    void outsidersGetNothing() {
        staffed();
        long id = rotas.create(town.secretary1(), town.area1().id(), FIRST, 7, null);
        TestTown.Town elsewhere = testTown.create();

        for (var outsider : List.of(town.leader2(), town.volunteer1(), elsewhere.townAdmin())) {
            assertThat(rotas.list(outsider)).noneMatch(r -> r.id() == id);
            assertThatThrownBy(() -> rotas.rota(outsider, id)).isInstanceOf(DomainException.class)
                    .hasMessage("rota.notFound");
            assertThatThrownBy(() -> rotas.solve(outsider, id)).isInstanceOf(DomainException.class)
                    .hasMessage("rota.notFound");
        }
        assertThatThrownBy(() -> rotas.create(town.secretary1(), town.area2().id(), FIRST, 7, null))
                .isInstanceOf(DomainException.class).hasMessage("area.notFound");
        assertThat(rotas.list(town.townAdmin())).extracting(Rota::id).contains(id);
    }
}
