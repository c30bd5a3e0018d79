package org.haolin.plan.internal;

import org.haolin.HaolinTest;
import org.haolin.MovableClock;
import org.haolin.TestTown;
import org.haolin.access.Accounts;
import org.haolin.plan.CompoundPlans;
import org.haolin.plan.PlanFixture;
import org.haolin.plan.PlanVersion;
import org.haolin.plan.PostShortages;
import org.haolin.plan.ShortPost;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A version published for a later day changes the short posts on that day, without anyone touching the plan. */
@HaolinTest
class PlansTakingEffectTests {

    @Autowired
    TestTown testTown;
    @Autowired
    CompoundPlans plans;
    @Autowired
    PostShortages shortages;
    @Autowired
    PlansTakingEffect job;
    @Autowired
    MovableClock clock;
    @Autowired
    DSLContext db;
    @Autowired
    Accounts accounts;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void theNextVersionsStaffingAppliesFromItsDay() {
        TestTown.Town t = testTown.create();
        long leader = new PlanFixture(db, accounts).person(t.area1(), "王点位长");
        LocalDate today = LocalDate.now(clock);
        long v1 = plans.newVersion(t.secretary1(), t.compound1().id());
        plans.addPost(t.secretary1(), v1, 0, PlanFixture.gate("东门岗", leader, 1, 4, List.of(leader)));
        plans.publish(t.secretary1(), v1, 1, today);
        long v2 = plans.newVersion(t.secretary1(), t.compound1().id());
        PlanVersion draft = plans.draft(t.secretary1(), v2);
        plans.changePost(t.secretary1(), v2, draft.posts().getFirst().id(), draft.version(),
                PlanFixture.gate("东门岗", leader, 3, 6, List.of(leader)));
        plans.publish(t.secretary1(), v2, draft.version() + 1, today.plusDays(1));
        assertThat(shortages.inScope(t.secretary1()).posts()).isEmpty();

        clock.advance(Duration.ofDays(1));
        job.recomputeToday();
        job.recomputeToday();

        assertThat(shortages.inScope(t.secretary1()).posts()).extracting(ShortPost::needed, ShortPost::on)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, 1));
    }
}
