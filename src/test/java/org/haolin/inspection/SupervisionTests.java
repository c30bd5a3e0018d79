package org.haolin.inspection;

import org.haolin.HaolinTest;
import org.haolin.MovableClock;
import org.haolin.TestTown;
import org.haolin.access.Accounts;
import org.haolin.access.Grant;
import org.haolin.access.HaolinUser;
import org.haolin.access.Role;
import org.haolin.notify.Inbox;
import org.haolin.notify.Notification;
import org.haolin.notify.NotificationKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static haolin.schema.Tables.INSPECTION_TASK;
import static haolin.schema.Tables.INSPECTION_VISIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@HaolinTest
class SupervisionTests {

    @Autowired
    TestTown testTown;
    @Autowired
    Supervision supervision;
    @Autowired
    Rectifications rectifications;
    @Autowired
    Inbox inbox;
    @Autowired
    Accounts accounts;
    @Autowired
    MovableClock clock;
    @Autowired
    org.jooq.DSLContext db;
    @Autowired
    org.haolin.inspection.internal.OverdueTaskWatch overdueWatch;

    TestTown.Town t;

    @BeforeEach
    void setUp() {
        t = testTown.create();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private NewVisit visit(UUID clientId, NewCheck... checks) {
        return new NewVisit(t.area1().id(), clientId, "晚上八点抽查", List.of(checks));
    }

    private static NewCheck ok(String item) {
        return new NewCheck(item, CheckResult.OK, null, null, null);
    }

    private static NewCheck finding(String item, String description) {
        return new NewCheck(item, CheckResult.FINDING, description, null, null);
    }

    private long visitWithTwoFindings() {
        return supervision.record(t.supervisor1(), visit(UUID.randomUUID(), ok("PROTECTION_STANDARD"),
                finding("GATE_DUTY", "3号门无人值守"), finding("DISINFECTION", "垃圾房未消杀")));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Test
    void everyFindingBecomesATaskOwnedByTheSecretaryDueInThreeDays() {
        long id = visitWithTwoFindings();
        Visit visit = supervision.visit(t.supervisor1(), id);
        assertThat(visit.findings()).isEqualTo(2);
        assertThat(visit.checks()).hasSize(7);
        assertThat(visit.checks().getFirst().result()).isEqualTo(CheckResult.OK);
        assertThat(visit.checks()).filteredOn(c -> c.item().code().equals("SUPPLIES"))
                .extracting(Check::result).containsExactly(CheckResult.NOT_CHECKED);
        List<RectificationTask> tasks = rectifications.tasks(t.secretary1());
        assertThat(tasks).extracting(RectificationTask::description).containsExactlyInAnyOrder("3号门无人值守", "垃圾房未消杀");
        assertThat(tasks).allSatisfy(task -> {
            assertThat(task.ownerId()).isEqualTo(t.secretary1().accountId());
            assertThat(task.dueOn()).isEqualTo(today().plusDays(3));
            assertThat(task.state()).isEqualTo(TaskState.OPEN);
            assertThat(task.overdue()).isFalse();
        });
        assertThat(visit.checks()).filteredOn(c -> c.result() == CheckResult.FINDING)
                .allSatisfy(c -> assertThat(c.taskId()).isNotNull());
        assertThat(rectifications.tasks(t.supervisor1())).hasSize(2);
    }

    @Test
    void aChosenOwnerMustWorkInTheAreaAndTheDueDayMayNotBePast() {
        long social = t.socialWorker1().accountId();
        long id = supervision.record(t.supervisor1(), visit(UUID.randomUUID(),
                new NewCheck("SUPPLIES", CheckResult.FINDING, "口罩不足", social, today().plusDays(1))));
        assertThat(rectifications.tasks(t.socialWorker1())).singleElement()
                .satisfies(task -> assertThat(task.dueOn()).isEqualTo(today().plusDays(1)));
        assertThat(id).isPositive();
        assertThatThrownBy(() -> supervision.record(t.supervisor1(), visit(UUID.randomUUID(),
                new NewCheck("SUPPLIES", CheckResult.FINDING, "x", t.leader2().accountId(), null))))
                .hasMessage("inspection.owner.notStaff");
        assertThatThrownBy(() -> supervision.record(t.supervisor1(), visit(UUID.randomUUID(),
                new NewCheck("SUPPLIES", CheckResult.FINDING, "x", null, today().minusDays(1)))))
                .hasMessage("inspection.due.past");
        assertThatThrownBy(() -> supervision.record(t.supervisor1(), visit(UUID.randomUUID(),
                new NewCheck("SUPPLIES", CheckResult.FINDING, "  ", null, null))))
                .hasMessage("inspection.finding.descriptionRequired");
        assertThat(supervision.visits(t.supervisor1(), t.area1().id())).hasSize(1);
    }

    @Test
    void theSameClientIdTwiceRecordsOneVisit() {
        UUID clientId = UUID.randomUUID();
        long first = supervision.record(t.supervisor1(), visit(clientId, finding("GATE_DUTY", "无人值守")));
        long again = supervision.record(t.supervisor1(), visit(clientId, finding("GATE_DUTY", "无人值守")));
        assertThat(again).isEqualTo(first);
        assertThat(db.fetchCount(INSPECTION_VISIT, INSPECTION_VISIT.CLIENT_ID.eq(clientId))).isOne();
        assertThat(db.fetchCount(INSPECTION_TASK, INSPECTION_TASK.VISIT_ID.eq(first))).isOne();
        assertThatThrownBy(() -> supervision.record(t.townAdmin(), visit(clientId)))
                .hasMessage("inspection.visit.clientIdUsed");
    }

    @Test
    void theOwnerReportsDoneAndTheSupervisorClosesOrReopens() {
        visitWithTwoFindings();
        List<RectificationTask> tasks = rectifications.tasks(t.secretary1());
        long gate = tasks.stream().filter(x -> x.item().code().equals("GATE_DUTY")).findFirst().orElseThrow().id();
        long bins = tasks.stream().filter(x -> x.item().code().equals("DISINFECTION")).findFirst().orElseThrow().id();

        assertThatThrownBy(() -> rectifications.close(t.supervisor1(), gate, null))
                .hasMessage("inspection.task.notReportedDone");
        assertThatThrownBy(() -> rectifications.reportDone(t.supervisor1(), gate, "done"))
                .hasMessage("inspection.task.ownerOnly");
        assertThatThrownBy(() -> rectifications.reportDone(t.secretary1(), gate, " "))
                .hasMessage("inspection.task.reportRequired");
        assertThat(rectifications.reportDone(t.secretary1(), gate, "已安排志愿者值守").state()).isEqualTo(TaskState.DONE);
        assertThatThrownBy(() -> rectifications.reportDone(t.secretary1(), gate, "again"))
                .hasMessage("inspection.task.alreadyDone");
        assertThatThrownBy(() -> rectifications.close(t.secretary1(), gate, null))
                .hasMessage("inspection.task.inspectorOnly");
        RectificationTask closed = rectifications.close(t.supervisor1(), gate, "复查已落实");
        assertThat(closed.state()).isEqualTo(TaskState.CLOSED);
        assertThat(closed.changes()).extracting(TaskChange::to)
                .containsExactly(TaskState.OPEN, TaskState.DONE, TaskState.CLOSED);
        assertThat(closed.changes()).extracting(TaskChange::byName).containsExactly(t.supervisor1().displayName(),
                t.secretary1().displayName(), t.supervisor1().displayName());
        assertThat(closed.changes()).allSatisfy(c -> assertThat(c.at()).isNotNull());
        assertThatThrownBy(() -> rectifications.reopen(t.supervisor1(), gate, "again", null))
                .hasMessage("inspection.task.alreadyClosed");

        rectifications.reportDone(t.secretary1(), bins, "已消杀");
        assertThatThrownBy(() -> rectifications.reopen(t.supervisor1(), bins, "", null))
                .hasMessage("inspection.task.reasonRequired");
        assertThatThrownBy(() -> rectifications.reopen(t.supervisor1(), bins, "x", today().minusDays(1)))
                .hasMessage("inspection.due.past");
        RectificationTask reopened = rectifications.reopen(t.townAdmin(), bins, "东侧垃圾房仍未消杀", today().plusDays(2));
        assertThat(reopened.state()).isEqualTo(TaskState.REOPENED);
        assertThat(reopened.dueOn()).isEqualTo(today().plusDays(2));
        assertThat(reopened.changes().getLast().note()).isEqualTo("东侧垃圾房仍未消杀");
        assertThat(rectifications.reportDone(t.secretary1(), bins, "已补做").state()).isEqualTo(TaskState.DONE);
    }

    @Test
    void aTaskStillWithItsOwnerAfterTheDueDayIsOverdue() {
        visitWithTwoFindings();
        long gate = rectifications.tasks(t.secretary1()).getFirst().id();
        rectifications.reportDone(t.secretary1(), gate, "done");
        clock.advance(Duration.ofDays(4));
        List<RectificationTask> tasks = rectifications.tasks(t.secretary1());
        assertThat(tasks).filteredOn(RectificationTask::overdue).singleElement()
                .satisfies(task -> assertThat(task.id()).isNotEqualTo(gate));
        assertThat(supervision.figures(t.townAdmin())).filteredOn(f -> f.areaId() == t.area1().id()).singleElement()
                .satisfies(f -> {
                    assertThat(f.open()).isEqualTo(2);
                    assertThat(f.overdue()).isEqualTo(1);
                });
    }

    @Test
    void theOwnerIsToldOfTheTask() {
        visitWithTwoFindings();
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.unreadCount(t.secretary1()) >= 2);
        List<Notification> told = inbox.list(t.secretary1(), true, Locale.SIMPLIFIED_CHINESE);
        assertThat(told).filteredOn(n -> n.kind() == NotificationKind.RECTIFICATION).hasSize(2)
                .allSatisfy(n -> assertThat(n.link()).startsWith("/inspection/tasks#task-"))
                .extracting(Notification::text).anySatisfy(text -> assertThat(text).contains("星火居民区", "门岗值守"));
        assertThat(inbox.list(t.socialWorker1(), true, Locale.ENGLISH))
                .noneMatch(n -> n.kind() == NotificationKind.RECTIFICATION);
    }

    @Test
    void aSupervisorRecordsOnlyInTheirOwnAreasAndOthersSeeNothing() {
        long id = visitWithTwoFindings();
        NewVisit elsewhere = new NewVisit(t.area2().id(), UUID.randomUUID(), null,
                List.of(finding("GATE_DUTY", "x")));
        assertThatThrownBy(() -> supervision.record(t.supervisor1(), elsewhere)).hasMessage("area.notFound");
        assertThat(db.fetchCount(INSPECTION_VISIT, INSPECTION_VISIT.AREA_ID.eq(t.area2().id()))).isZero();
        assertThatThrownBy(() -> supervision.record(t.secretary1(), visit(UUID.randomUUID())))
                .hasMessage("area.notFound");
        assertThatThrownBy(() -> supervision.visit(t.secretary1(), id)).hasMessage("inspection.visit.notFound");

        TestTown.Town other = testTown.create();
        long task = rectifications.tasks(t.secretary1()).getFirst().id();
        assertThatThrownBy(() -> supervision.visit(other.townAdmin(), id)).hasMessage("inspection.visit.notFound");
        assertThatThrownBy(() -> rectifications.task(other.townAdmin(), task)).hasMessage("inspection.task.notFound");
        assertThatThrownBy(() -> rectifications.close(other.supervisor1(), task, null))
                .hasMessage("inspection.task.notFound");
        assertThat(rectifications.tasks(other.townAdmin())).isEmpty();
        assertThat(rectifications.tasks(other.secretary1())).isEmpty();
        assertThatThrownBy(() -> rectifications.task(t.socialWorker1(), task)).hasMessage("inspection.task.notFound");
        assertThatThrownBy(() -> rectifications.tasks(t.volunteer1())).hasMessage("inspection.tasks.staffOnly");
        assertThat(supervision.overview(other.townAdmin())).extracting(s -> s.findings().areaId())
                .doesNotContain(t.area1().id());
    }

    @Test
    void theOverviewShowsSupervisorsLastVisitsAndAreasNeedingAttention() {
        visitWithTwoFindings();
        List<AreaSupervision> all = supervision.overview(t.townAdmin());
        assertThat(all).extracting(s -> s.findings().areaName()).containsExactly("星火居民区", "海韵居民区");
        AreaSupervision area1 = all.getFirst();
        assertThat(area1.supervisors()).containsExactly(t.supervisor1().displayName());
        assertThat(area1.findings().lastVisit()).isEqualTo(today());
        assertThat(area1.findings().open()).isEqualTo(2);
        assertThat(area1.unsupervised()).isFalse();
        assertThat(area1.visitDue()).isFalse();
        AreaSupervision area2 = all.getLast();
        assertThat(area2.unsupervised()).isTrue();
        assertThat(area2.visitDue()).isTrue();
        assertThat(area2.findings().lastVisit()).isNull();

        assertThat(supervision.overview(t.supervisor1())).extracting(s -> s.findings().areaId())
                .containsExactly(t.area1().id());
        clock.advance(Duration.ofDays(7));
        assertThat(supervision.overview(t.supervisor1()).getFirst().visitDue()).isTrue();
        assertThatThrownBy(() -> supervision.overview(t.secretary1())).hasMessage("inspection.inspectorsOnly");
    }

    @Test
    void theFiguresCountClosedThisWeekPerAreaInTheCockpitScope() {
        visitWithTwoFindings();
        long gate = rectifications.tasks(t.secretary1()).getFirst().id();
        rectifications.reportDone(t.secretary1(), gate, "done");
        rectifications.close(t.supervisor1(), gate, null);
        assertThat(supervision.figures(t.secretary1())).singleElement().satisfies(f -> {
            assertThat(f.areaId()).isEqualTo(t.area1().id());
            assertThat(f.open()).isEqualTo(1);
            assertThat(f.closedThisWeek()).isEqualTo(1);
            assertThat(f.lastVisit()).isEqualTo(today());
        });
        assertThat(supervision.figures(t.volunteer1())).isEmpty();
    }

    @Test
    void aSecondSupervisorOnTheAreaIsListedAndMayVerify() {
        long id = accounts.create("sup2x" + t.n(), "督查员二" + t.n(), TestTown.PASSWORD, false);
        accounts.assign(id, new Grant(Role.SUPERVISOR, t.area1().townId(), t.area1().id(), t.area1().path()));
        HaolinUser second = accounts.user(id).orElseThrow();
        assertThat(supervision.overview(t.townAdmin()).getFirst().supervisors()).hasSize(2);
        visitWithTwoFindings();
        long task = rectifications.tasks(t.secretary1()).getFirst().id();
        rectifications.reportDone(t.secretary1(), task, "done");
        assertThat(rectifications.close(second, task, null).state()).isEqualTo(TaskState.CLOSED);
    }

    @Test
    void theOwnerIsToldOnceWhenATaskBecomesOverdueAndAgainWhenItIsReopened() {
        supervision.record(t.supervisor1(), visit(UUID.randomUUID(), finding("GATE_DUTY", "无人值守")));
        long task = rectifications.tasks(t.secretary1()).getFirst().id();
        await().atMost(Duration.ofSeconds(10)).until(() -> rectificationNotices().size() == 1);
        clock.advance(Duration.ofDays(4));
        overdueWatch.watch();
        overdueWatch.watch();
        await().atMost(Duration.ofSeconds(10)).until(() -> rectificationNotices().size() == 2);
        assertThat(rectificationNotices().getFirst().text()).startsWith("整改已逾期：星火居民区，门岗值守");

        rectifications.reportDone(t.secretary1(), task, "已安排");
        assertThat(rectifications.reopen(t.supervisor1(), task, "仍无人", null).dueOn()).isEqualTo(today().plusDays(3));
        await().atMost(Duration.ofSeconds(10)).until(() -> rectificationNotices().size() == 3);
        assertThat(rectificationNotices().getFirst().text()).startsWith("整改被退回");
        overdueWatch.watch();
        assertThat(rectificationNotices()).hasSize(3);
        clock.advance(Duration.ofDays(4));
        overdueWatch.watch();
        await().atMost(Duration.ofSeconds(10)).until(() -> rectificationNotices().size() == 4);
    }

    private List<Notification> rectificationNotices() {
        return inbox.list(t.secretary1(), false, Locale.SIMPLIFIED_CHINESE).stream()
                .filter(n -> n.kind() == NotificationKind.RECTIFICATION).toList();
    }
}
