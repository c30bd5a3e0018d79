package org.haolin.rota;

import org.haolin.area.ZoneLevel;
import org.haolin.plan.PostDemand;
import org.haolin.rota.internal.Breach;
import org.haolin.rota.internal.RankRules;
import org.haolin.rota.internal.RotaChecks;
import org.haolin.rota.internal.RotaModel;
import org.haolin.rota.internal.RotaPlan;
import org.haolin.rota.internal.RotaSlot;
import org.haolin.rota.internal.RotaSolving;
import org.haolin.rota.internal.SlotKind;
import org.haolin.workforce.Worker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rota's rules on the pure model: each hard rule reported when broken, solvable cases solved. */
class RotaSolverTests {

    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    static final RotaSolving SOLVING = new RotaSolving(Duration.ofSeconds(5), Duration.ofMillis(600));

    static final Worker SECRETARY = worker(1, "李四", "SECRETARY", false, 60);
    static final Worker DIVISION = worker(2, "王处", "DIVISION", true, 60);
    static final Worker SECTION = worker(3, "赵科", "SECTION", true, 60);
    static final Worker VOLUNTEER_A = worker(4, "张三", null, false, 48);
    static final Worker VOLUNTEER_B = worker(5, "钱五", null, false, 48);
    static final Worker VOLUNTEER_C = worker(6, "孙六", null, false, 48);

    static Worker worker(long id, String name, String rank, boolean cadre, int maxHours) {
        return new Worker(id, 100, 10, "100.10.", name, rank, cadre, rank == null, null, maxHours, Set.of());
    }

    static PostDemand gate(int needed, List<Long> members) {
        return new PostDemand(50, 100, 20, "100.10.20.", "星火一村", "3号门岗", "GATE_DUTY", LocalTime.of(7, 0),
                LocalTime.of(15, 0), ZoneLevel.PREVENTION, needed, members);
    }

    static RotaPlan plan(int days, List<Worker> pool, List<PostDemand> posts) {
        var rows = RotaModel.demand(MONDAY, days, pool, day -> posts, LocalTime.of(8, 30), LocalTime.of(17, 30));
        return RotaModel.plan(MONDAY, days, pool, RankRules.defaults(), RotaModel.Wishes.none(), rows);
    }

    static List<String> keys(List<Breach> breaches) {
        return breaches.stream().map(Breach::key).toList();
    }

    @Test
    void aSolvableRotaKeepsEveryHardRuleAndSubstitutesOnlyByAllowedRank() {
        RotaPlan plan = plan(14, List.of(SECRETARY, DIVISION, SECTION, VOLUNTEER_A, VOLUNTEER_B),
                List.of(gate(1, List.of(4L, 5L))));

        var outcome = SOLVING.solve(plan);

        assertThat(outcome.score().hardScore()).isZero();
        assertThat(SOLVING.broken(outcome.plan())).isEmpty();
        List<RotaSlot> seats = outcome.plan().slots().stream().filter(s -> s.kind() == SlotKind.SEAT).toList();
        assertThat(seats).allSatisfy(s -> assertThat(s.getPerson()).isNotNull());
        List<RotaSlot> substituted = seats.stream().filter(RotaSlot::substituted).toList();
        assertThat(substituted).isNotEmpty()
                .allSatisfy(s -> assertThat(s.getPerson().rankCode()).isEqualTo("DIVISION"));
        assertThat(seats.stream().filter(s -> !s.substituted()).count()).as("the holder keeps the other days")
                .isGreaterThanOrEqualTo(10);
    }

    @Test
    void aSecretaryNobodyMayCoverHasNoRestDayAndTheRotaSaysWhy() {
        RotaPlan plan = plan(7, List.of(SECRETARY, SECTION), List.of());

        var outcome = SOLVING.solve(plan);
        List<Breach> problems = RotaChecks.explain(outcome.plan(), SOLVING.broken(outcome.plan()));

        assertThat(outcome.score().hardScore()).isNegative();
        assertThat(problems.getFirst()).isEqualTo(Breach.of("rota.problem.noSubstitute", "李四", "rota.rank.SECRETARY"));
        assertThat(keys(problems)).containsAnyOf("rota.rule.rest.noCover", "rota.rule.uncovered.seat");
    }

    @Test
    void aPostNeedingThreeWithTwoMembersIsShortAndLeavesAHole() {
        RotaPlan plan = plan(2, List.of(VOLUNTEER_A, VOLUNTEER_B), List.of(gate(3, List.of(4L, 5L))));

        var outcome = SOLVING.solve(plan);
        List<Breach> problems = RotaChecks.explain(outcome.plan(), SOLVING.broken(outcome.plan()));

        assertThat(outcome.score().hardScore()).isEqualTo(-2);
        assertThat(problems).contains(Breach.of("rota.problem.postShort", "星火一村 3号门岗", MONDAY, MONDAY.plusDays(1), 3, 2),
                Breach.of("rota.rule.uncovered.post", "星火一村 3号门岗", MONDAY, 3));
    }

    @Test
    void anUncoveredSlotIsReportedWithItsPostAndDay() {
        RotaPlan plan = plan(1, List.of(VOLUNTEER_A), List.of(gate(1, List.of(4L))));

        assertThat(SOLVING.broken(plan)).containsExactly(Breach.of("rota.rule.uncovered.post", "星火一村 3号门岗", MONDAY, 1));
    }

    @Test
    void sevenDaysInARowBreakTheRestDay() {
        RotaPlan plan = plan(8, List.of(VOLUNTEER_A), List.of(gate(1, List.of(4L))));
        plan.slots().forEach(s -> s.setPerson(s.getEligible().getFirst()));

        assertThat(SOLVING.broken(plan)).containsExactlyInAnyOrder(
                Breach.of("rota.rule.rest", "张三", MONDAY, MONDAY.plusDays(6)),
                Breach.of("rota.rule.rest", "张三", MONDAY.plusDays(1), MONDAY.plusDays(7)),
                Breach.of("rota.rule.maxHours", "张三", MONDAY, MONDAY.plusDays(6), 56, 48));
    }

    @Test
    void aSeatCoveredByTheWrongRankIsReported() {
        RotaPlan plan = plan(1, List.of(SECRETARY, SECTION), List.of());
        RotaSlot seat = plan.slots().getFirst();
        seat.setPerson(plan.people().stream().filter(p -> p.name().equals("赵科")).findFirst().orElseThrow());

        assertThat(SOLVING.broken(plan)).containsExactly(Breach.of("rota.rule.rank", "赵科", "rota.rank.SECTION", "李四",
                "rota.rank.SECRETARY", MONDAY));
    }

    @Test
    void oneManInTwoPlacesAtOnceIsReported() {
        PostDemand other = new PostDemand(51, 100, 20, "100.10.20.", "星火一村", "采样点", "SAMPLING",
                LocalTime.of(14, 0), LocalTime.of(16, 0), ZoneLevel.PREVENTION, 1, List.of(4L));
        RotaPlan plan = plan(1, List.of(VOLUNTEER_A), List.of(gate(1, List.of(4L)), other));
        plan.slots().forEach(s -> s.setPerson(s.getEligible().getFirst()));

        assertThat(SOLVING.broken(plan)).containsExactly(
                Breach.of("rota.rule.twoPlaces", "张三", MONDAY, "星火一村 3号门岗", "星火一村 采样点"));
    }

    @Test
    void moreHoursThanTheWeekAllowsAreReported() {
        Worker shortWeek = worker(7, "周七", null, false, 10);
        RotaPlan plan = plan(2, List.of(shortWeek), List.of(gate(1, List.of(7L))));
        plan.slots().forEach(s -> s.setPerson(s.getEligible().getFirst()));

        assertThat(SOLVING.broken(plan)).containsExactly(
                Breach.of("rota.rule.maxHours", "周七", MONDAY, MONDAY.plusDays(6), 16, 10));
    }

    @Test
    void aDayTheyCannotWorkIsKeptFree() {
        var rows = RotaModel.demand(MONDAY, 1, List.of(VOLUNTEER_A, VOLUNTEER_B),
                day -> List.of(gate(1, List.of(4L, 5L))), LocalTime.of(8, 30), LocalTime.of(17, 30));
        var wishes = new RotaModel.Wishes(Map.of(4L, Map.of(MONDAY, "UNAVAILABLE")));
        RotaPlan plan = RotaModel.plan(MONDAY, 1, List.of(VOLUNTEER_A, VOLUNTEER_B), RankRules.defaults(), wishes, rows);
        plan.slots().getFirst().setPerson(plan.people().getFirst());
        assertThat(SOLVING.broken(plan)).containsExactly(Breach.of("rota.rule.unavailable", "张三", MONDAY));

        var outcome = SOLVING.solve(plan);

        assertThat(outcome.score().hardScore()).isZero();
        assertThat(outcome.plan().slots().getFirst().getPerson().name()).isEqualTo("钱五");
    }

    @Test
    void aTownsOwnSubstitutionRowsReplaceTheDefaults() {
        RankRules town = RankRules.of(List.of(Map.entry("SECTION", "SECRETARY")));

        assertThat(town.mayCover("SECTION", "SECRETARY")).isTrue();
        assertThat(town.mayCover("DIVISION", "SECRETARY")).isFalse();
        assertThat(RankRules.defaults().mayCover("YOUNG_CADRE", "SOCIAL_WORKER")).isTrue();
    }
}
