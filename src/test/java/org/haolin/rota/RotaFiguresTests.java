package org.haolin.rota;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@HaolinTest
class RotaFiguresTests {

    @Autowired
    TestTown testTown;
    @Autowired
    DSLContext db;
    @Autowired
    Clock clock;
    @Autowired
    RotaFigures figures;

    TestTown.Town t;
    LocalDate today;
    long rota;

    /**
     * A rota of area 1 that began nine days ago: one worker on duty all ten days so far (a 7-day streak), one who
     * rested five days ago; two volunteers on duty today, one of them started. A draft rota adds nothing.
     */
    @BeforeEach
    void setUp() {
        t = testTown.create();
        today = LocalDate.now(clock);
        ShiftFixture fixture = new ShiftFixture(db);
        long tireless = fixture.person(t.area1(), "连班甲" + t.n(), null, false, "SOCIAL_WORKER");
        long rested = fixture.person(t.area1(), "轮休乙" + t.n(), null, false, "DIRECTOR");
        long started = fixture.person(t.area1(), "志愿者丙" + t.n(), null, true, null);
        long late = fixture.person(t.area1(), "志愿者丁" + t.n(), null, true, null);
        rota = fixture.rota(t.area1(), "两周排班", today.minusDays(9), 14, "PUBLISHED");
        long gate = fixture.post(t, t.compound1(), "东门门岗");
        for (int d = 9; d >= 0; d--) {
            fixture.seatShift(rota, t.area1(), tireless, today.minusDays(d), tireless);
            if (d != 5) {
                fixture.seatShift(rota, t.area1(), rested, today.minusDays(d), rested);
            }
        }
        // future days do not count yet: the rested worker's later streak is not judged before it happens
        for (int d = 1; d <= 4; d++) {
            fixture.seatShift(rota, t.area1(), rested, today.plusDays(d), rested);
        }
        fixture.started(fixture.postShift(rota, t.compound1(), gate, 1, today, started));
        fixture.postShift(rota, t.compound1(), gate, 2, today, late);
        long draft = fixture.rota(t.area1(), "草稿", today, 7, "DRAFT");
        fixture.postShift(draft, t.compound1(), gate, 1, today, fixture.person(t.area1(), "草稿志愿者" + t.n(), null, true, null));
    }

    @Test
    void restDayComplianceCountsPeopleWithARestDayInEverySevenSoFar() {
        assertThat(figures.restDayCompliance(t.secretary1())).singleElement().satisfies(c -> {
            assertThat(c.rotaId()).isEqualTo(rota);
            assertThat(c.areaName()).isEqualTo("星火居民区");
            assertThat(c.people()).isEqualTo(4);
            // the two volunteers worked one day each; only the tireless worker misses a rest day
            assertThat(c.compliant()).isEqualTo(3);
            assertThat(c.percent()).isEqualTo(75);
        });
    }

    @Test
    void volunteersOnDutyTodayAndHowManyStarted() {
        assertThat(figures.volunteersOnDuty(t.secretary1())).isEqualTo(new VolunteersOnDuty(2, 1));
        assertThat(figures.volunteersOnDuty(t.townAdmin())).isEqualTo(new VolunteersOnDuty(2, 1));
    }

    @Test
    void outsideTheScopeThereAreNoFigures() {
        TestTown.Town elsewhere = testTown.create();
        assertThat(figures.restDayCompliance(elsewhere.townAdmin())).isEmpty();
        assertThat(figures.volunteersOnDuty(elsewhere.townAdmin())).isEqualTo(new VolunteersOnDuty(0, 0));
        assertThat(figures.restDayCompliance(t.leader2())).isEmpty();
        assertThat(figures.volunteersOnDuty(t.systemAdmin())).isEqualTo(new VolunteersOnDuty(0, 0));
    }

    @Test
    void aSevenDayStreakBreaksTheRuleAndSixDoNot() {
        LocalDate first = LocalDate.of(2026, 3, 1);
        Set<LocalDate> six = IntStream.range(0, 6).mapToObj(first::plusDays).collect(Collectors.toSet());
        Set<LocalDate> seven = IntStream.range(0, 7).mapToObj(first::plusDays).collect(Collectors.toSet());
        assertThat(RestDayCompliance.restsEverySeven(six, first, first.plusDays(13))).isTrue();
        assertThat(RestDayCompliance.restsEverySeven(seven, first, first.plusDays(13))).isFalse();
        assertThat(RestDayCompliance.restsEverySeven(Set.of(), first, first)).isTrue();
    }
}
