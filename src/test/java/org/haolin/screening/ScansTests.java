package org.haolin.screening;

import org.awaitility.Awaitility;
import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.HaolinUser;
import org.haolin.platform.DomainException;
import org.haolin.resident.PersonalCodes;
import org.haolin.screening.internal.ScanPartitions;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static haolin.schema.Tables.AUDIT_EVENT;
import static haolin.schema.Tables.CAMPAIGN;
import static haolin.schema.Tables.CAMPAIGN_PROGRESS;
import static haolin.schema.Tables.SCREENING_CHECKIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scan path through its facade: outcomes, idempotency, tubes, codes, campaign state, scope, progress. */
@HaolinTest
class ScansTests {

    private static final OffsetDateTime NINE = OffsetDateTime.of(2026, 4, 28, 9, 12, 3, 0, ZoneOffset.ofHours(8));

    @Autowired
    TestTown testTown;
    @Autowired
    Scans scans;
    @Autowired
    DSLContext db;
    @Autowired
    PersonalCodes personalCodes;
    @Autowired
    ScanPartitions partitions;

    TestTown.Town town;
    ScanFixture fixture;
    ScanFixture.Planned campaign;

    @BeforeEach
    void setUp() {
        town = testTown.create();
        fixture = new ScanFixture(db, personalCodes);
        campaign = fixture.open(town, 3);
    }

    @Test
    void aFirstScanIsRecordedAndASecondOneOfThePersonIsARepeatCountedOnce() {
        ScanResult first = one(town.secretary1(), scan(campaign.point1(), 0, "T0001", NINE));
        assertThat(first.outcome()).isEqualTo(ScanOutcome.RECORDED);
        assertThat(first.checkinId()).isNotNull();
        assertThat(first.person().maskedName()).startsWith("张*").doesNotContain("建国");
        assertThat(first.person().place()).isEqualTo("5号楼 2单元 301");
        assertThat(first.tube()).isEqualTo(new TubeState("T0001", 1, 3, false));

        ScanResult again = one(town.secretary1(), scan(campaign.point1(), 0, "T0002", NINE.plusMinutes(20)));
        assertThat(again.outcome()).isEqualTo(ScanOutcome.REPEAT);
        assertThat(again.earlierAt()).isEqualTo(NINE);
        assertThat(again.earlierTube()).isEqualTo("T0001");
        assertThat(again.tube().people()).isEqualTo(1); // the repeat's sample is in its tube all the same

        assertThat(db.fetchCount(SCREENING_CHECKIN, SCREENING_CHECKIN.CAMPAIGN_ID.eq(campaign.id()))).isEqualTo(2);
        assertThat(db.fetchCount(SCREENING_CHECKIN, SCREENING_CHECKIN.CAMPAIGN_ID.eq(campaign.id()),
                SCREENING_CHECKIN.REPEAT.isTrue())).isEqualTo(1);
        assertThat(progress(town.stairwell1().id())).containsExactly(1, 1); // sampled, door-to-door sampled
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("SCREENING_SCAN"),
                AUDIT_EVENT.OBJECT_ID.eq(town.residents().getFirst()))).isEqualTo(2);
    }

    @Test
    void theSameClientIdAnswersTheFirstRecordingAndNeverMakesASecondRow() throws Exception {
        Scan scan = scan(campaign.point1(), 1, null, NINE);
        ScanResult first = one(town.secretary1(), scan);
        ScanResult resent = one(town.secretary1(), scan);
        assertThat(resent.outcome()).isEqualTo(ScanOutcome.RECORDED);
        assertThat(resent.checkinId()).isEqualTo(first.checkinId());

        Scan twiceInOneBatch = scan(campaign.point1(), 2, null, NINE);
        List<ScanResult> both = scans.checkIn(town.secretary1(), campaign.id(), List.of(twiceInOneBatch, twiceInOneBatch));
        assertThat(both.get(1)).isEqualTo(both.get(0));

        Scan raced = scan(campaign.point2(), 3, null, NINE);
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<ScanResult>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(threads.submit((Callable<ScanResult>) () -> one(town.townAdmin(), raced)));
            }
            for (Future<ScanResult> answer : answers) {
                assertThat(answer.get().outcome()).isEqualTo(ScanOutcome.RECORDED);
            }
        }
        for (Scan s : List.of(scan, twiceInOneBatch, raced)) {
            assertThat(db.fetchCount(SCREENING_CHECKIN, SCREENING_CHECKIN.CLIENT_ID.eq(s.clientId()))).isEqualTo(1);
        }
        assertThat(progress(town.stairwell1().id())).containsExactly(2, 0);
        assertThat(progress(town.stairwell2().id())).containsExactly(1, 0);
    }

    @Test
    void aRepeatSentAgainAfterThePersonsCodeWasRevokedGetsItsFirstAnswer() {
        one(town.secretary1(), scan(campaign.point1(), 0, "T0001", NINE));
        Scan repeat = scan(campaign.point1(), 0, "T0002", NINE.plusMinutes(20));
        ScanResult first = one(town.secretary1(), repeat);
        personalCodes.revokeAndReissue(town.secretary1(), town.residents().getFirst(), "card lost");

        ScanResult resent = one(town.secretary1(), repeat);

        assertThat(resent.outcome()).isEqualTo(ScanOutcome.REPEAT);
        assertThat(resent.checkinId()).isEqualTo(first.checkinId());
        assertThat(resent.person()).isEqualTo(first.person());
        assertThat(resent.earlierTube()).isEqualTo("T0001");
        assertThat(resent.earlierAt()).isEqualTo(first.earlierAt());
        assertThat(one(town.secretary1(), scan(campaign.point1(), 0, "T0003", NINE.plusMinutes(30))).outcome())
                .isEqualTo(ScanOutcome.UNKNOWN_CODE); // a new scan of the revoked code is refused
        assertThat(db.fetchCount(SCREENING_CHECKIN, SCREENING_CHECKIN.CAMPAIGN_ID.eq(campaign.id()))).isEqualTo(2);
    }

    @Test
    void writersSideBySideRecordAPersonsFirstScanOnceWhoeverSendsIt() throws Exception {
        for (int resident = 1; resident < 5; resident++) {
            int person = resident;
            List<ScanResult> answers = new ArrayList<>();
            try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
                List<Future<ScanResult>> sent = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    long point = i % 2 == 0 ? campaign.point1() : campaign.point2();
                    sent.add(threads.submit(() -> one(town.townAdmin(), scan(point, person, null, NINE))));
                }
                for (Future<ScanResult> answer : sent) {
                    answers.add(answer.get());
                }
            }
            assertThat(answers).extracting(ScanResult::outcome)
                    .containsOnly(ScanOutcome.RECORDED, ScanOutcome.REPEAT)
                    .filteredOn(o -> o == ScanOutcome.RECORDED).hasSize(1);
            assertThat(db.fetchCount(SCREENING_CHECKIN, SCREENING_CHECKIN.CAMPAIGN_ID.eq(campaign.id()),
                    SCREENING_CHECKIN.RESIDENT_ID.eq(town.residents().get(person)))).isEqualTo(16);
            assertThat(db.fetchCount(SCREENING_CHECKIN, SCREENING_CHECKIN.CAMPAIGN_ID.eq(campaign.id()),
                    SCREENING_CHECKIN.RESIDENT_ID.eq(town.residents().get(person)),
                    SCREENING_CHECKIN.REPEAT.isFalse())).isEqualTo(1);
        }
        assertThat(progress(town.stairwell1().id())).containsExactly(2, 0);
        assertThat(progress(town.stairwell2().id())).containsExactly(2, 0);
    }

    @Test
    void aTubeClosesItselfWhenFullAndTakesNoMoreAfterwardsOrAfterClosingByHand() {
        one(town.townAdmin(), scan(campaign.point1(), 0, "TA01", NINE));
        one(town.townAdmin(), scan(campaign.point1(), 1, "ta01", NINE)); // the same printed label
        ScanResult third = one(town.townAdmin(), scan(campaign.point1(), 2, "TA01", NINE));
        assertThat(third.tube()).isEqualTo(new TubeState("TA01", 3, 3, true));
        ScanResult fourth = one(town.townAdmin(), scan(campaign.point1(), 3, "TA01", NINE));
        assertThat(fourth.outcome()).isEqualTo(ScanOutcome.TUBE_FULL);
        assertThat(fourth.checkinId()).isNull();

        one(town.townAdmin(), scan(campaign.point1(), 3, "TB02", NINE));
        TubeState closed = scans.closeTube(town.townAdmin(), campaign.id(), new TubeClosing("close-tb02", campaign.point1(), "TB02"));
        assertThat(closed).isEqualTo(new TubeState("TB02", 1, 3, true));
        assertThat(scans.closeTube(town.townAdmin(), campaign.id(), new TubeClosing("close-tb02", campaign.point1(), "TB02")))
                .isEqualTo(closed);
        assertThat(one(town.townAdmin(), scan(campaign.point1(), 4, "TB02", NINE)).outcome())
                .isEqualTo(ScanOutcome.TUBE_CLOSED);
        // a tube opened at point 1 cannot be filled at point 2, nor closed from there
        assertThat(one(town.townAdmin(), scan(campaign.point2(), 4, "TB03", NINE)).outcome()).isEqualTo(ScanOutcome.RECORDED);
        assertThat(one(town.townAdmin(), scan(campaign.point1(), 2, "TB03", NINE)).outcome())
                .isEqualTo(ScanOutcome.NOT_AT_THIS_POINT);
        assertThatThrownBy(() -> scans.closeTube(town.townAdmin(), campaign.id(),
                new TubeClosing("close-tb03", campaign.point1(), "TB03")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThat(db.fetchCount(SCREENING_CHECKIN, SCREENING_CHECKIN.CAMPAIGN_ID.eq(campaign.id()))).isEqualTo(5);
    }

    @Test
    void aSampleResentAfterItsTubeFilledGetsItsFirstAnswerAndTakesNoSecondPlace() {
        one(town.townAdmin(), scan(campaign.point1(), 0, "TC01", NINE));
        Scan second = scan(campaign.point1(), 1, "TC01", NINE);
        ScanResult first = one(town.townAdmin(), second);
        one(town.townAdmin(), scan(campaign.point1(), 2, "TC01", NINE)); // the tube is full now

        // sent again alone, and in a batch with a new scan of a fresh tube that must still be recorded
        ScanResult alone = one(town.townAdmin(), second);
        Scan fresh = scan(campaign.point1(), 3, "TC02", NINE);
        List<ScanResult> batch = scans.checkIn(town.townAdmin(), campaign.id(), List.of(second, fresh));

        for (ScanResult resent : List.of(alone, batch.getFirst())) {
            assertThat(resent.outcome()).isEqualTo(ScanOutcome.RECORDED);
            assertThat(resent.checkinId()).isEqualTo(first.checkinId());
            assertThat(resent.tube()).isEqualTo(new TubeState("TC01", 3, 3, true));
        }
        assertThat(batch.get(1).outcome()).isEqualTo(ScanOutcome.RECORDED);
        assertThat(batch.get(1).tube()).isEqualTo(new TubeState("TC02", 1, 3, false));
        assertThat(db.fetchCount(SCREENING_CHECKIN, SCREENING_CHECKIN.CAMPAIGN_ID.eq(campaign.id()))).isEqualTo(4);
    }

    @Test
    void unknownForgedRevokedAndOtherTownCodesAreNotRecorded() {
        String good = campaign.codes().getFirst();
        String forged = good.substring(0, good.length() - 1) + (good.endsWith("A") ? "B" : "A");
        String revoked = campaign.codes().get(1);
        personalCodes.revokeAndReissue(town.secretary1(), town.residents().get(1), "card lost");
        TestTown.Town other = testTown.create();
        String otherTown = personalCodes.currentCode(other.town().id(), other.residents().getFirst(), "test");

        List<ScanResult> results = scans.checkIn(town.townAdmin(), campaign.id(), List.of(
                withCode("HL-NOTACODE", campaign.point1()), withCode(forged, campaign.point1()),
                withCode(revoked, campaign.point1()), withCode(otherTown, campaign.point1())));
        assertThat(results).extracting(ScanResult::outcome).containsExactly(ScanOutcome.UNKNOWN_CODE,
                ScanOutcome.UNKNOWN_CODE, ScanOutcome.UNKNOWN_CODE, ScanOutcome.NOT_AT_THIS_POINT);
        assertThat(results).allSatisfy(r -> assertThat(r.person()).isNull());
        assertThat(db.fetchCount(SCREENING_CHECKIN, SCREENING_CHECKIN.CAMPAIGN_ID.eq(campaign.id()))).isZero();
    }

    @Test
    void malformedScansAreInvalidWhileTheOthersInTheBatchAreRecorded() {
        Scan ok = scan(campaign.point1(), 0, null, NINE);
        Scan shortId = new Scan("abc", campaign.point1(), campaign.codes().get(1), null, null, NINE);
        Scan both = new Scan(UUID.randomUUID().toString(), campaign.point1(), campaign.codes().get(1),
                town.residents().get(1), null, NINE);
        Scan noTime = new Scan(UUID.randomUUID().toString(), campaign.point1(), campaign.codes().get(1), null, null, null);
        Scan badTube = new Scan(UUID.randomUUID().toString(), campaign.point1(), campaign.codes().get(1), null, "T 1", NINE);
        assertThat(scans.checkIn(town.townAdmin(), campaign.id(), List.of(shortId, ok, both, noTime, badTube)))
                .extracting(ScanResult::outcome).containsExactly(ScanOutcome.INVALID, ScanOutcome.RECORDED,
                        ScanOutcome.INVALID, ScanOutcome.INVALID, ScanOutcome.INVALID);
    }

    @Test
    void aCampaignThatIsNotOpenRecordsNothing() {
        ScanFixture.Planned planned = fixture.plan(testTown.create(), 10, "PLANNED");
        fixture.state(campaign.id(), "CLOSED");
        assertThat(one(town.townAdmin(), scan(campaign.point1(), 0, null, NINE)).outcome())
                .isEqualTo(ScanOutcome.CAMPAIGN_NOT_OPEN);
        assertThat(db.fetchCount(SCREENING_CHECKIN, SCREENING_CHECKIN.CAMPAIGN_ID.in(campaign.id(), planned.id()))).isZero();
    }

    @Test
    void onlyScreenersOfThePointsAreaAndThePointsStaffMayScanAndSearch() {
        // leader 2 screens building 2 only: point 1 (compound 1) is not theirs until they are put on its staff
        Scan atPoint1 = scan(campaign.point1(), 0, null, NINE);
        assertThatThrownBy(() -> one(town.leader2(), atPoint1)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThatThrownBy(() -> scans.search(town.leader2(), campaign.id(), campaign.point1(), "张"))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> one(town.epidemicOffice(), atPoint1)).isInstanceOf(DomainException.class);
        // a point of this campaign named under another campaign's id is not found either
        ScanFixture.Planned another = fixture.open(testTown.create(), 10);
        assertThatThrownBy(() -> one(town.townAdmin(), scan(another.point1(), 0, null, NINE)))
                .isInstanceOf(DomainException.class);

        fixture.staff(campaign.point1(), town.leader2().accountId(), "leader two");
        assertThat(one(town.leader2(), atPoint1).outcome()).isEqualTo(ScanOutcome.RECORDED);
        // people go to any point of their town: a stairwell 2 resident is scanned at point 1
        assertThat(one(town.leader2(), scan(campaign.point1(), 3, null, NINE)).outcome()).isEqualTo(ScanOutcome.RECORDED);
    }

    @Test
    void theStationFindsExpectedResidentsOfItsAreaByNameOrRoomAndMayScanThemById() {
        List<StationMatch> byRoom = scans.search(town.secretary1(), campaign.id(), campaign.point1(), "301");
        assertThat(byRoom).extracting(StationMatch::residentId).containsExactlyInAnyOrder(town.residents().get(0),
                town.residents().get(1));
        assertThat(byRoom).allSatisfy(m -> assertThat(m.place()).isEqualTo("5号楼 2单元 301"));
        List<StationMatch> byName = scans.search(town.secretary1(), campaign.id(), campaign.point1(), "王");
        assertThat(byName).singleElement().satisfies(m -> {
            assertThat(m.residentId()).isEqualTo(town.residents().get(2));
            assertThat(m.sampled()).isFalse();
        });
        // stairwell 2 is not the point's area
        assertThat(scans.search(town.townAdmin(), campaign.id(), campaign.point1(), "陈")).isEmpty();

        Scan byId = new Scan(UUID.randomUUID().toString(), campaign.point1(), null, town.residents().get(2), null, NINE);
        assertThat(one(town.secretary1(), byId).outcome()).isEqualTo(ScanOutcome.RECORDED);
        assertThat(scans.search(town.secretary1(), campaign.id(), campaign.point1(), "王").getFirst().sampled()).isTrue();
        Scan elsewhere = new Scan(UUID.randomUUID().toString(), campaign.point1(), null, town.residents().get(3), null, NINE);
        assertThat(one(town.townAdmin(), elsewhere).outcome()).isEqualTo(ScanOutcome.NOT_AT_THIS_POINT);
    }

    @Test
    void aReplayOfTenThousandQueuedScansSentTwiceLeavesExactlyTenThousandRows() throws Exception {
        List<Scan> all = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            int who = i % 5;
            all.add(new Scan(UUID.randomUUID().toString(), who < 3 ? campaign.point1() : campaign.point2(),
                    campaign.codes().get(who), null, null, NINE.plusSeconds(i)));
        }
        List<Callable<List<ScanResult>>> sendings = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int from = 0; from < all.size(); from += Scans.MAX_SCANS) {
                List<Scan> batch = all.subList(from, from + Scans.MAX_SCANS);
                sendings.add(() -> scans.checkIn(town.townAdmin(), campaign.id(), batch));
            }
        }
        try (ExecutorService devices = Executors.newFixedThreadPool(6)) {
            for (Future<List<ScanResult>> answer : devices.invokeAll(sendings)) {
                assertThat(answer.get()).allSatisfy(r -> assertThat(r.recorded()).isTrue());
            }
        }
        assertThat(db.fetchCount(SCREENING_CHECKIN, SCREENING_CHECKIN.CAMPAIGN_ID.eq(campaign.id()))).isEqualTo(10_000);
        assertThat(db.fetchCount(SCREENING_CHECKIN, SCREENING_CHECKIN.CAMPAIGN_ID.eq(campaign.id()),
                SCREENING_CHECKIN.REPEAT.isFalse())).isEqualTo(5);
        assertThat(progress(town.stairwell1().id())).containsExactly(3, 1);
        assertThat(progress(town.stairwell2().id())).containsExactly(2, 0);
    }

    /**
     * Each campaign day's scans have a partition of their own, and a batch reads only its day's: a look-up that
     * read every day's partition would cost more with every day of a weeks-long emergency. Scans of two days
     * sent at the same moment are recorded apart, each in its day's partition.
     */
    @Test
    void aScanReadsOnlyItsCampaignDaysPartitionAndTwoDaysScansAreRecordedApart() throws Exception {
        LocalDate day = LocalDate.of(2033, 3, 1);
        LocalDate otherDay = day.plusDays(1);
        TestTown.Town otherTown = testTown.create();
        ScanFixture.Planned otherCampaign = fixture.open(otherTown, 3);
        db.update(CAMPAIGN).set(CAMPAIGN.CAMPAIGN_DAY, day).where(CAMPAIGN.ID.eq(campaign.id())).execute();
        db.update(CAMPAIGN).set(CAMPAIGN.CAMPAIGN_DAY, otherDay).where(CAMPAIGN.ID.eq(otherCampaign.id())).execute();
        assertThat(partitions.prepare(day)).isTrue();
        assertThat(partitions.prepare(otherDay)).isTrue();

        long dayLookUps = indexScans(day);
        long otherDayLookUps = indexScans(otherDay);
        assertThat(one(town.secretary1(), scan(campaign.point1(), 0, null, NINE)).outcome())
                .isEqualTo(ScanOutcome.RECORDED);
        // the writer's connection reports its statistics within a second or so of going idle
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> indexScans(day) > dayLookUps);
        assertThat(indexScans(otherDay)).as("the other day's partition is not read").isEqualTo(otherDayLookUps);

        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<ScanResult>> answers = new ArrayList<>();
            for (int i = 1; i < 5; i++) {
                Scan mine = scan(campaign.point1(), i, null, NINE);
                Scan theirs = new Scan(UUID.randomUUID().toString(), otherCampaign.point1(),
                        otherCampaign.codes().get(i), null, null, NINE);
                answers.add(threads.submit(() -> one(town.secretary1(), mine)));
                answers.add(threads.submit(() -> scans.checkIn(otherTown.secretary1(), otherCampaign.id(),
                        List.of(theirs)).getFirst()));
            }
            for (Future<ScanResult> answer : answers) {
                assertThat(answer.get().outcome()).isEqualTo(ScanOutcome.RECORDED);
            }
        }
        assertThat(db.fetchCount(DSL.table(DSL.name(ScanPartitions.name(day))))).isEqualTo(5);
        assertThat(db.fetchCount(DSL.table(DSL.name(ScanPartitions.name(otherDay))))).isEqualTo(4);
    }

    /** Index look-ups PostgreSQL has counted on the day's partition of the scans. */
    private long indexScans(LocalDate day) {
        return db.fetchValue("SELECT coalesce(sum(idx_scan), 0) FROM pg_stat_user_indexes WHERE relname = {0}",
                ScanPartitions.name(day)) instanceof Number n ? n.longValue() : -1;
    }

    private ScanResult one(HaolinUser user, Scan scan) {
        return scans.checkIn(user, campaign.id(), List.of(scan)).getFirst();
    }

    private Scan scan(long point, int resident, String tube, OffsetDateTime at) {
        return new Scan(UUID.randomUUID().toString(), point, campaign.codes().get(resident), null, tube, at);
    }

    private Scan withCode(String code, long point) {
        return new Scan(UUID.randomUUID().toString(), point, code, null, null, NINE);
    }

    private List<Integer> progress(long stairwell) {
        var row = db.select(CAMPAIGN_PROGRESS.SAMPLED, CAMPAIGN_PROGRESS.DOOR_TO_DOOR_SAMPLED).from(CAMPAIGN_PROGRESS)
                .where(CAMPAIGN_PROGRESS.CAMPAIGN_ID.eq(campaign.id()), CAMPAIGN_PROGRESS.AREA_ID.eq(stairwell)).fetchOne();
        return List.of(row.value1(), row.value2());
    }
}
