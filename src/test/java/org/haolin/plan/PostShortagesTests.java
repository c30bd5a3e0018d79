package org.haolin.plan;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.Accounts;
import org.haolin.area.AreaTree;
import org.haolin.area.ZoneLevel;
import org.haolin.notify.Inbox;
import org.haolin.notify.Notification;
import org.haolin.notify.NotificationKind;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Zone-level switching: the staffing of the compound's current level applies, and posts short of people are
 * flagged the moment the change returns, with the residential area's staff told.
 */
@HaolinTest
class PostShortagesTests {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired
    TestTown testTown;
    @Autowired
    CompoundPlans plans;
    @Autowired
    PostShortages shortages;
    @Autowired
    Plans demand;
    @Autowired
    AreaTree areas;
    @Autowired
    Inbox inbox;
    @Autowired
    DSLContext db;
    @Autowired
    Accounts accounts;
    @Autowired
    Clock clock;

    TestTown.Town t;
    long gate;
    long sampling;

    /** Compound 1's plan in force: a gate post with 2 people (needs 1 normally, 4 sealed), a sampling post with 1. */
    @BeforeEach
    void setUp() {
        t = testTown.create();
        PlanFixture fixture = new PlanFixture(db, accounts);
        long leader = fixture.person(t.area1(), "王点位长");
        long member = fixture.person(t.area1(), "李志愿者");
        long plan = plans.newVersion(t.secretary1(), t.compound1().id());
        gate = plans.addPost(t.secretary1(), plan, 0, PlanFixture.gate("东门岗", leader, 1, 4, List.of(leader, member)));
        sampling = plans.addPost(t.secretary1(), plan, 1, new PostForm("SAMPLING", "核酸采样点", "小区广场", null, leader,
                java.time.LocalTime.of(6, 0), java.time.LocalTime.of(10, 0), 3, 2, null, 0, List.of(member)));
        plans.publish(t.secretary1(), plan, 2, LocalDate.now(clock));
    }

    @Test
    void raisingTheCompoundToSealedFlagsShortPostsAtOnceAndTellsTheSecretary() {
        assertThat(shortages.inScope(t.secretary1()).posts()).isEmpty();

        areas.changeZoneLevel(t.epidemicOffice(), t.compound1().id(), ZoneLevel.SEALED, "发现阳性");

        assertThat(demand.postsInForce(t.town().id(), t.area1().path(), LocalDate.now(clock)))
                .extracting(PostDemand::zoneLevel, PostDemand::peopleNeeded)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ZoneLevel.SEALED, 4),
                        org.assertj.core.groups.Tuple.tuple(ZoneLevel.SEALED, 3));
        CompoundPlanPage page = plans.compound(t.secretary1(), t.compound1().id());
        assertThat(page.compound().zoneLevel()).isEqualTo(ZoneLevel.SEALED);
        assertThat(page.shortPostIds()).containsExactlyInAnyOrder(gate, sampling);
        ShortPosts inScope = shortages.inScope(t.secretary1());
        assertThat(inScope.posts()).extracting(ShortPost::postName, ShortPost::needed, ShortPost::on, ShortPost::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("东门岗", 4, 2, ZoneLevel.SEALED),
                        org.assertj.core.groups.Tuple.tuple("核酸采样点", 3, 1, ZoneLevel.SEALED));
        assertThat(inScope.perArea()).containsExactly(new ShortPosts.AreaCount(t.area1().id(), "星火居民区", 2));
        assertThat(plans.compounds(t.secretary1())).filteredOn(c -> c.compoundId() == t.compound1().id())
                .extracting(CompoundSummary::shortPosts).containsExactly(2);

        Notification told = awaitPostsShort(t.secretary1());
        assertThat(told.text()).isEqualTo("星火一村（封控区）岗位缺人：东门岗 2/4; 核酸采样点 1/3");
        assertThat(told.link()).isEqualTo("/plans/compounds/" + t.compound1().id());
        awaitPostsShort(t.socialWorker1());
        assertThat(inbox.list(t.leader1(), false, ZH)).noneMatch(n -> n.kind() == NotificationKind.POSTS_SHORT);
    }

    @Test
    void loweringTheLevelClearsTheFlagsAndABuildingChangeLeavesThemBe() {
        areas.changeZoneLevel(t.epidemicOffice(), t.compound1().id(), ZoneLevel.CONTROLLED, "密接");
        assertThat(plans.compound(t.secretary1(), t.compound1().id()).shortPostIds()).containsExactly(sampling);

        areas.changeZoneLevel(t.epidemicOffice(), t.building1().id(), ZoneLevel.SEALED, "楼内阳性");
        assertThat(shortages.inScope(t.secretary1()).posts()).extracting(ShortPost::level, ShortPost::needed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ZoneLevel.CONTROLLED, 2));

        areas.changeZoneLevel(t.epidemicOffice(), t.compound1().id(), ZoneLevel.NORMAL, "解除");
        assertThat(plans.compound(t.secretary1(), t.compound1().id()).shortPostIds()).isEmpty();
        assertThat(shortages.inScope(t.townAdmin()).posts()).isEmpty();
    }

    @Test
    void shortPostsStayInTheirScope() {
        areas.changeZoneLevel(t.epidemicOffice(), t.compound1().id(), ZoneLevel.SEALED, "发现阳性");
        assertThat(shortages.inScope(t.townAdmin()).posts()).hasSize(2);
        assertThat(shortages.inScope(t.supervisor1()).posts()).hasSize(2);
        assertThat(shortages.inScope(t.leader2()).posts()).isEmpty();
        assertThat(shortages.inScope(testTown.create().townAdmin()).posts()).isEmpty();
    }

    private Notification awaitPostsShort(org.haolin.access.HaolinUser user) {
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.list(user, false, ZH).stream()
                .anyMatch(n -> n.kind() == NotificationKind.POSTS_SHORT));
        List<Notification> told = inbox.list(user, false, ZH).stream()
                .filter(n -> n.kind() == NotificationKind.POSTS_SHORT).toList();
        assertThat(told).hasSize(1);
        return told.getFirst();
    }
}
