package org.haolin.plan;

import org.haolin.HaolinTest;
import org.haolin.MovableClock;
import org.haolin.TestTown;
import org.haolin.access.Accounts;
import org.haolin.access.Role;
import org.haolin.area.ZoneLevel;
import org.haolin.platform.DomainException;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static haolin.schema.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plan versions: a new version copies the latest, only a draft changes, publication dates a version's force. */
@HaolinTest
class CompoundPlansTests {

    @Autowired
    TestTown testTown;
    @Autowired
    CompoundPlans plans;
    @Autowired
    Plans demand;
    @Autowired
    DSLContext db;
    @Autowired
    Accounts accounts;
    @Autowired
    java.time.Clock clock;

    TestTown.Town t;
    PlanFixture fixture;
    long leader;
    long member;
    LocalDate today;

    @BeforeEach
    void setUp() {
        t = testTown.create();
        fixture = new PlanFixture(db, accounts);
        leader = fixture.person(t.area1(), "王点位长");
        member = fixture.person(t.area1(), "李志愿者");
        today = LocalDate.now(clock);
    }

    @Test
    void aNewVersionCopiesTheLatestAndOnlyTheDraftChanges() {
        long v1 = plans.newVersion(t.secretary1(), t.compound1().id());
        plans.addPost(t.secretary1(), v1, 0, PlanFixture.gate("东门岗", leader, 1, 4, List.of(leader, member)));
        plans.publish(t.secretary1(), v1, 1, today);

        long v2 = plans.newVersion(t.secretary1(), t.compound1().id());
        PlanVersion draft = plans.draft(t.secretary1(), v2);
        assertThat(draft.versionNo()).isEqualTo(2);
        PlanPost copied = draft.posts().getFirst();
        assertThat(copied.name()).isEqualTo("东门岗");
        assertThat(copied.leader().name()).isEqualTo("王点位长");
        assertThat(copied.staffing()).isEqualTo(PlanFixture.staffing(1, 4));
        assertThat(copied.members()).extracting(PostPerson::name).containsExactlyInAnyOrder("王点位长", "李志愿者");
        assertThat(copied.shiftStart()).isEqualTo(LocalTime.of(7, 0));

        assertRefused(() -> plans.newVersion(t.secretary1(), t.compound1().id()), "plan.draft.exists");
        assertRefused(() -> plans.addPost(t.secretary1(), v1, 2, PlanFixture.gate("西门岗", leader, 1, 1, List.of())),
                "plan.published.locked");
        plans.changePost(t.secretary1(), v2, copied.id(), draft.version(),
                PlanFixture.gate("东门岗", leader, 2, 6, List.of(member)));
        assertRefused(() -> plans.removePost(t.secretary1(), v2, copied.id(), draft.version()), "plan.stale");

        PlanVersion published = plans.plan(t.secretary1(), v1);
        assertThat(published.posts().getFirst().staffing()).as("the published version is untouched")
                .isEqualTo(PlanFixture.staffing(1, 4));
        assertThat(published.posts().getFirst().members()).hasSize(2);
        assertThat(db.select(AUDIT_EVENT.DETAIL).from(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.eq("PLAN"),
                        AUDIT_EVENT.TOWN_ID.eq(t.town().id()), AUDIT_EVENT.USERNAME.eq(t.secretary1().username()))
                .fetch(AUDIT_EVENT.DETAIL))
                .contains("new plan", "post added: 东门岗", "published v1 from " + today, "new version of v1",
                        "post changed: 东门岗");
    }

    @Test
    void thePlanInForceIsTheLatestPublishedOnOrBeforeTheDayAndHistoryIsKept() {
        long v1 = plans.newVersion(t.secretary1(), t.compound1().id());
        plans.addPost(t.secretary1(), v1, 0, PlanFixture.gate("东门岗", leader, 1, 4, List.of(leader)));
        plans.publish(t.secretary1(), v1, 1, today);
        long v2 = plans.newVersion(t.secretary1(), t.compound1().id());
        PlanVersion draft = plans.draft(t.secretary1(), v2);
        plans.changePost(t.secretary1(), v2, draft.posts().getFirst().id(), draft.version(),
                PlanFixture.gate("东门岗（扩岗）", leader, 3, 8, List.of(leader)));
        assertRefused(() -> plans.publish(t.secretary1(), v2, draft.version() + 1, today), "plan.publish.date.notAfter");
        assertRefused(() -> plans.publish(t.secretary1(), v2, draft.version() + 1, today.minusDays(1)),
                "plan.publish.date.past");
        plans.publish(t.secretary1(), v2, draft.version() + 1, today.plusDays(3));

        assertThat(demand.postsInForce(t.town().id(), t.compound1().path(), today))
                .extracting(PostDemand::name, PostDemand::peopleNeeded).containsExactly(org.assertj.core.groups.Tuple.tuple("东门岗", 1));
        assertThat(demand.postsInForce(t.town().id(), t.compound1().path(), today.plusDays(3)))
                .extracting(PostDemand::name, PostDemand::peopleNeeded).containsExactly(org.assertj.core.groups.Tuple.tuple("东门岗（扩岗）", 3));
        assertThat(demand.postsInForce(t.town().id(), t.compound1().path(), today.minusDays(1))).isEmpty();

        CompoundPlanPage page = plans.compound(t.secretary1(), t.compound1().id());
        assertThat(page.inForce().versionNo()).isEqualTo(1);
        assertThat(page.draft()).isNull();
        assertThat(page.history()).extracting(PlanVersion::versionNo, PlanVersion::state, PlanVersion::effectiveFrom)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, PlanState.PUBLISHED, today.plusDays(3)),
                        org.assertj.core.groups.Tuple.tuple(1, PlanState.PUBLISHED, today));
    }

    @Test
    void everyFieldIsCheckedAndNamed() {
        long v1 = plans.newVersion(t.secretary1(), t.compound1().id());
        long stranger = fixture.person(t.area2(), "海韵社工");
        assertRefused(() -> plans.addPost(t.secretary1(), v1, 0, post("SAMPLING", " ", 1, null)), "plan.post.name.required");
        assertRefused(() -> plans.addPost(t.secretary1(), v1, 0, post("NOPE", "采样点", 1, null)), "plan.post.type.required");
        assertRefused(() -> plans.addPost(t.secretary1(), v1, 0, post("SAMPLING", "x".repeat(81), 1, null)),
                "plan.post.name.tooLong");
        assertRefused(() -> plans.addPost(t.secretary1(), v1, 0, post("SAMPLING", "采样点", 201, null)),
                "plan.post.staffing.invalid");
        assertRefused(() -> plans.addPost(t.secretary1(), v1, 0, post("SAMPLING", "采样点", 1, stranger)),
                "plan.post.leader.invalid");
        assertRefused(() -> plans.addPost(t.secretary1(), v1, 0, new PostForm("SAMPLING", "采样点", null, null, leader,
                LocalTime.of(9, 0), LocalTime.of(8, 0), null, null, null, 1, List.of())), "plan.post.hours.invalid");
        assertRefused(() -> plans.addPost(t.secretary1(), v1, 0, new PostForm("SAMPLING", "采样点", null, null, leader,
                LocalTime.of(8, 0), LocalTime.of(9, 0), null, null, null, 1, List.of(stranger))), "plan.post.members.invalid");
        plans.addPost(t.secretary1(), v1, 0, post("SAMPLING", "采样点", 1, null));
        assertRefused(() -> plans.addPost(t.secretary1(), v1, 1, post("SAMPLING", "采样点", 1, leader)), "plan.post.name.taken");
        assertRefused(() -> plans.publish(t.secretary1(), v1, 1, today), "plan.publish.leaderMissing");
        assertRefused(() -> plans.saveNote(t.secretary1(), v1, 1, "注".repeat(1001)), "plan.note.tooLong");
    }

    @Test
    void outsidersFindNothingAndReadersMayNotChange() {
        long v1 = plans.newVersion(t.secretary1(), t.compound1().id());
        var secretary2 = fixture.user("plan-sec2-" + t.n(), Role.AREA_SECRETARY, t.area2());
        TestTown.Town other = testTown.create();
        for (var outsider : List.of(secretary2, other.townAdmin(), t.leader1(), t.partyMember1(), t.systemAdmin())) {
            assertRefused(() -> plans.compound(outsider, t.compound1().id()), "plan.compound.notFound");
            assertRefused(() -> plans.plan(outsider, v1), "plan.notFound");
            assertRefused(() -> plans.newVersion(outsider, t.compound1().id()), "plan.compound.notFound");
            assertThat(plans.compounds(outsider)).extracting(CompoundSummary::compoundId)
                    .doesNotContain(t.compound1().id());
        }
        assertThat(plans.compounds(secretary2)).extracting(CompoundSummary::name).containsExactly("海韵苑");
        assertThat(plans.compound(t.socialWorker1(), t.compound1().id()).mayChange()).isFalse();
        assertThatThrownBy(() -> plans.addPost(t.socialWorker1(), v1, 0, post("SAMPLING", "采样点", 1, leader)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThat(plans.compound(t.supervisor1(), t.compound1().id()).draft()).isNotNull();
    }

    private PostForm post(String type, String name, int normal, Long leaderId) {
        return new PostForm(type, name, null, null, leaderId, LocalTime.of(8, 0), LocalTime.of(17, 0), null, null, null,
                normal, List.of());
    }

    static void assertRefused(Runnable change, String key) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}
