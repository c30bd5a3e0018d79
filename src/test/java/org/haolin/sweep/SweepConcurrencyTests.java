package org.haolin.sweep;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.resident.ResidenceStatus;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.SWEEP_MARK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.haolin.sweep.SweepFixture.first;

/**
 * Two team members on the same stairwell at once, really at the same time against PostgreSQL: nobody's mark
 * is lost or silently overwritten.
 */
@HaolinTest
class SweepConcurrencyTests {

    @Autowired
    TestTown testTown;
    @Autowired
    SweepRounds rounds;
    @Autowired
    SweepTeams teams;
    @Autowired
    SweepSheets sheets;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    DSLContext db;

    SweepFixture f;

    @BeforeEach
    void setUp() {
        f = SweepFixture.create(testTown, rounds, teams);
    }

    /**
     * The leader's save is still open (not committed) when the Party member saves the same resident from the
     * same version: the second waits on the database, then is refused with the leader's mark.
     */
    @Test
    void theSecondOfTwoSavesOfTheSameResidentIsRefusedWithTheFirstPersonsMark() throws Exception {
        long resident = f.resident(0);
        CountDownLatch leaderSaved = new CountDownLatch(1);
        CountDownLatch memberStarted = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Mark> leader = pool.submit(() -> tx.execute(s -> {
                Mark mark = sheets.mark(f.town().leader1(), f.round().id(), first(resident, Presence.OUT_TO_WORK), null);
                leaderSaved.countDown();
                await(memberStarted);
                sleep(300); // the member's insert is now waiting on the leader's uncommitted row
                return mark;
            }));
            await(leaderSaved);
            Future<Object> member = pool.submit(() -> {
                memberStarted.countDown();
                try {
                    return sheets.mark(f.town().partyMember1(), f.round().id(), first(resident, Presence.LEFT_THE_CITY), null);
                } catch (MarkConflict conflict) {
                    return conflict;
                }
            });

            assertThat(leader.get(20, TimeUnit.SECONDS).presence()).isEqualTo(Presence.OUT_TO_WORK);
            assertThat(member.get(20, TimeUnit.SECONDS)).isInstanceOfSatisfying(MarkConflict.class, c -> {
                assertThat(c.theirs().markedByName()).isEqualTo(f.town().leader1().displayName());
                assertThat(c.theirs().presence()).isEqualTo(Presence.OUT_TO_WORK);
            });
        } finally {
            pool.shutdownNow();
        }
        assertThat(status(resident)).isEqualTo(ResidenceStatus.AWAY);
    }

    /**
     * Eight saves of the same version at once, half by each member: exactly one is written. The others are
     * refused with that mark, except the winner's own identical saves (a double tap), which get it back.
     */
    @Test
    void manySavesOfTheSameVersionAtOnceWriteExactlyOnce() throws Exception {
        long resident = f.resident(1);
        List<Object> outcomes = race(8, i -> () -> sheets.mark(i % 2 == 0 ? f.town().leader1() : f.town().partyMember1(),
                f.round().id(), new MarkOrder(resident, 0, i % 2 == 0 ? Presence.PRESENT : Presence.OUT_TO_WORK,
                        java.util.Set.of()), null));

        var written = db.fetchOne(SWEEP_MARK, SWEEP_MARK.RESIDENT_ID.eq(resident));
        assertThat(written.getVersion()).isEqualTo(1);
        Presence winner = Presence.valueOf(written.getPresence());
        List<Mark> answered = outcomes.stream().filter(Mark.class::isInstance).map(Mark.class::cast).toList();
        assertThat(answered).hasSize(4).allMatch(m -> m.version() == 1 && m.presence() == winner);
        assertThat(outcomes).filteredOn(MarkConflict.class::isInstance).hasSize(4)
                .allMatch(c -> ((MarkConflict) c).theirs().presence() == winner);
        assertThat(status(resident)).isEqualTo(winner.status());
    }

    @Test
    void twoMembersMarkingTwoResidentsOfTheSameRoomBothLand() throws Exception {
        long zhang = f.resident(0);
        long li = f.resident(1); // both in room 301
        List<Object> outcomes = race(2, i -> () -> sheets.mark(i == 0 ? f.town().leader1() : f.town().partyMember1(),
                f.round().id(), first(i == 0 ? zhang : li, i == 0 ? Presence.OUT_TO_WORK : Presence.LEFT_THE_CITY), null));

        assertThat(outcomes).allMatch(Mark.class::isInstance);
        assertThat(status(zhang)).isEqualTo(ResidenceStatus.AWAY);
        assertThat(status(li)).isEqualTo(ResidenceStatus.LEFT);
    }

    @Test
    void twoMembersAddingNewlyFoundResidentsBothLand() throws Exception {
        List<Object> outcomes = race(2, i -> () -> sheets.addFound(i == 0 ? f.town().leader1() : f.town().partyMember1(),
                f.round().id(), f.stairwell(), new FoundResident(i == 0 ? "刘一" : "刘二", f.newIdNumber(10 + i),
                        null, "301")));

        assertThat(outcomes).allMatch(o -> o instanceof SweepSheets.FoundOutcome found && found.residentId() != null);
        assertThat(sheets.sheet(f.town().leader1(), f.round().id(), f.stairwell()).lines()).hasSize(5)
                .filteredOn(l -> l.mark() != null && l.mark().foundNew()).hasSize(2);
    }

    @Test
    void theSameNewResidentAddedTwiceAtOnceLandsOnce() throws Exception {
        String idNumber = f.newIdNumber(20);
        List<Object> outcomes = race(2, i -> () -> sheets.addFound(i == 0 ? f.town().leader1() : f.town().partyMember1(),
                f.round().id(), f.stairwell(), new FoundResident("孙七", idNumber, null, "402")));

        assertThat(outcomes).filteredOn(o -> o instanceof SweepSheets.FoundOutcome).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof org.haolin.platform.DomainException e
                && e.messageKey().startsWith("sweep.found.")).hasSize(1);
        assertThat(db.fetchCount(RESIDENT, RESIDENT.AREA_ID.eq(f.stairwell()), RESIDENT.NAME.eq("孙七"))).isEqualTo(1);
    }

    /** Runs n tasks released at the same moment; each outcome is its result or the exception it threw. */
    private static List<Object> race(int n, java.util.function.IntFunction<Callable<?>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<?> call = task.apply(i);
                futures.add(pool.submit(() -> {
                    await(start);
                    try {
                        return call.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private ResidenceStatus status(long resident) {
        return ResidenceStatus.valueOf(db.select(RESIDENT.RESIDENCE_STATUS).from(RESIDENT)
                .where(RESIDENT.ID.eq(resident)).fetchOne().value1());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
