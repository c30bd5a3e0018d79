package org.haolin.screening;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.HaolinUser;
import org.haolin.platform.DomainException;
import org.haolin.resident.ResidenceStatus;
import org.haolin.resident.TagAssignments;
import org.haolin.resident.TagAssignments.TagOrder;
import org.haolin.resident.TagSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static haolin.schema.Tables.CAMPAIGN_EXPECTED;
import static haolin.schema.Tables.PERSONAL_CODE;
import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.SCREENING_CHECKIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haolin.screening.CampaignFixture.plan;
import static org.haolin.screening.CampaignFixture.point;

@HaolinTest
class CampaignsTests {

    @Autowired
    TestTown testTown;
    @Autowired
    Campaigns campaigns;
    @Autowired
    TagAssignments tags;
    @Autowired
    DSLContext db;

    TestTown.Town town;

    @BeforeEach
    void setUp() {
        town = testTown.create();
    }

    @Test
    void everyoneLivingHereOrAwayIsExpectedExceptTheExemptAndThoseWhoLeftOrMovedOut() {
        List<Long> r = town.residents();
        status(r.get(1), ResidenceStatus.AWAY);
        status(r.get(3), ResidenceStatus.LEFT);
        status(r.get(4), ResidenceStatus.MOVED_OUT);
        tags.assign(town.townAdmin(), List.of(TagOrder.now(r.get(2), "LEFT_THE_CITY")), TagSource.MANUAL, null);

        Campaign campaign = CampaignFixture.planned(campaigns, town);

        assertThat(expected(campaign)).containsOnlyKeys(r.get(0), r.get(1));
        assertThat(campaign.expectedCount()).isEqualTo(2);
        assertThat(campaign.state()).isEqualTo(CampaignState.PLANNED);
    }

    @Test
    void anExemptTagThatHasEndedNoLongerExempts() {
        long resident = town.residents().get(2);
        tags.assign(town.townAdmin(), List.of(new TagOrder(resident, "LEFT_THE_CITY",
                OffsetDateTime.now().minusDays(10), OffsetDateTime.now().minusDays(1))), TagSource.MANUAL, null);

        assertThat(expected(CampaignFixture.planned(campaigns, town))).containsKey(resident);
    }

    @Test
    void doorToDoorAndSeparatelyComeFromTheRulesOfCurrentTags() {
        List<Long> r = town.residents();
        // resident 0 is an 80+ living alone (door to door); resident 3 comes out of central quarantine (a key group)
        tags.assign(town.townAdmin(), List.of(TagOrder.now(r.get(3), "OUT_OF_CENTRAL_QUARANTINE")),
                TagSource.OFFICE_LIST, "list");

        Map<Long, haolin.schema.tables.records.CampaignExpectedRecord> expected =
                expected(CampaignFixture.planned(campaigns, town));

        assertThat(expected.get(r.get(0)).getDoorToDoor()).isTrue();
        assertThat(expected.get(r.get(0)).getSeparately()).isFalse();
        assertThat(expected.get(r.get(3)).getSeparately()).isTrue();
        assertThat(expected.get(r.get(3)).getDoorToDoor()).isFalse();
        assertThat(expected.get(r.get(1)).getDoorToDoor()).isFalse();
        assertThat(expected.get(r.get(1)).getSeparately()).isFalse();
        assertThat(expected.get(r.get(0)).getRoom()).isEqualTo("301");
        assertThat(expected.get(r.get(0)).getAreaId()).isEqualTo(town.stairwell1().id());
    }

    @Test
    void aCampaignOverOneResidentialAreaExpectsOnlyItsResidentsAndCountsItsStairwells() {
        Campaign campaign = campaigns.plan(town.secretary1(), plan(town, town.area1().id(), List.of()));

        assertThat(expected(campaign)).containsOnlyKeys(town.residents().subList(0, 3));
        AreaProgress progress = campaigns.progress(town.secretary1(), campaign.id(), null);
        assertThat(progress.area().id()).isEqualTo(town.area1().id());
        assertThat(progress.totals()).isEqualTo(new Progress(3, 0, 1, 0));
        assertThat(progress.parts()).extracting(p -> p.area().id()).containsExactly(town.compound1().id());
    }

    @Test
    void planningIssuesPersonalCodesToTheTownsResidentsWithoutOne() {
        CampaignFixture.planned(campaigns, town);

        assertThat(db.fetchCount(PERSONAL_CODE, PERSONAL_CODE.TOWN_ID.eq(town.town().id()),
                PERSONAL_CODE.REVOKED_AT.isNull())).isEqualTo(5);
    }

    @Test
    void aRecountWhilePlannedSeesTagsThatLandedSince() {
        Campaign campaign = CampaignFixture.planned(campaigns, town);
        tags.assign(town.townAdmin(), List.of(TagOrder.now(town.residents().get(4), "LEFT_THE_CITY")),
                TagSource.MANUAL, null);

        Campaign recounted = campaigns.recount(town.townAdmin(), campaign.id());

        assertThat(recounted.expectedCount()).isEqualTo(4);
        assertThat(expected(recounted)).doesNotContainKey(town.residents().get(4));
        assertThat(campaigns.progress(town.townAdmin(), campaign.id(), null).totals().expected()).isEqualTo(4);
    }

    @Test
    void aCampaignIsOpenedOnceThenClosedOnceAndIsRecountedOnlyWhilePlanned() {
        Campaign campaign = CampaignFixture.planned(campaigns, town);
        HaolinUser admin = town.townAdmin();

        assertThatThrownBy(() -> campaigns.close(admin, campaign.id())).isInstanceOf(DomainException.class)
                .hasMessage("screening.campaign.close.notOpen");
        assertThat(campaigns.open(admin, campaign.id()).state()).isEqualTo(CampaignState.OPEN);
        assertThatThrownBy(() -> campaigns.open(admin, campaign.id())).hasMessage("screening.campaign.open.notPlanned");
        assertThatThrownBy(() -> campaigns.recount(admin, campaign.id()))
                .hasMessage("screening.campaign.recount.notPlanned");
        assertThat(campaigns.close(admin, campaign.id()).state()).isEqualTo(CampaignState.CLOSED);
        assertThatThrownBy(() -> campaigns.close(admin, campaign.id())).hasMessage("screening.campaign.close.notOpen");
    }

    @Test
    void theCampaignDayIsTheStartDateInTheTownsZone() {
        OffsetDateTime lateEvening = OffsetDateTime.parse("2026-12-01T23:30:00+08:00");
        Campaign campaign = campaigns.plan(town.townAdmin(), new NewCampaign("ANTIGEN", "抗原", town.town().id(),
                lateEvening.withOffsetSameInstant(java.time.ZoneOffset.UTC), lateEvening.plusHours(2), null, List.of()));

        assertThat(campaign.campaignDay()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(campaign.tubeSize()).isEqualTo(1);
    }

    @Test
    void eachDaysScansGetAPartitionOfTheirOwnMadeWhenItsFirstCampaignIsPlanned() {
        Campaign first = planOn("2031-03-05");
        Campaign second = planOn("2031-03-05");

        assertThat(partitionOfAScan(first)).isEqualTo("screening_checkin_d20310305");
        assertThat(partitionOfAScan(second)).isEqualTo("screening_checkin_d20310305");
    }

    @Test
    void aDayWhoseScansAlreadyLieInTheSharedPartitionIsPlannedAllTheSame() {
        Campaign earlier = planOn("2031-03-07");
        insertScan(earlier.id(), LocalDate.of(2031, 3, 8)); // before any campaign of that day

        Campaign campaign = planOn("2031-03-08");

        assertThat(campaign.campaignDay()).isEqualTo(LocalDate.of(2031, 3, 8));
        assertThat(partitionOfAScan(campaign)).isEqualTo("screening_checkin_pdefault");
    }

    private Campaign planOn(String day) {
        OffsetDateTime morning = OffsetDateTime.parse(day + "T08:00:00+08:00");
        return campaigns.plan(town.townAdmin(), new NewCampaign("ANTIGEN", "抗原", town.town().id(), morning,
                morning.plusHours(4), null, List.of()));
    }

    private String partitionOfAScan(Campaign campaign) {
        return db.fetchValue("SELECT tableoid::regclass::text FROM screening_checkin WHERE id = {0}",
                insertScan(campaign.id(), campaign.campaignDay())).toString();
    }

    private long insertScan(long campaignId, LocalDate day) {
        return db.insertInto(SCREENING_CHECKIN)
                .set(SCREENING_CHECKIN.TOWN_ID, town.town().id())
                .set(SCREENING_CHECKIN.AREA_ID, town.stairwell1().id())
                .set(SCREENING_CHECKIN.AREA_PATH, town.stairwell1().path())
                .set(SCREENING_CHECKIN.CAMPAIGN_ID, campaignId)
                .set(SCREENING_CHECKIN.CAMPAIGN_DAY, day)
                .set(SCREENING_CHECKIN.CLIENT_ID, UUID.randomUUID().toString())
                .set(SCREENING_CHECKIN.RESIDENT_ID, town.residents().getFirst())
                .set(SCREENING_CHECKIN.POINT_ID, 0L)
                .set(SCREENING_CHECKIN.SCANNED_AT, OffsetDateTime.now())
                .set(SCREENING_CHECKIN.RECEIVED_AT, OffsetDateTime.now())
                .set(SCREENING_CHECKIN.SCANNED_BY, town.townAdmin().accountId())
                .set(SCREENING_CHECKIN.REPEAT, true)
                .returning(SCREENING_CHECKIN.ID).fetchOne().getId();
    }

    @Test
    void badPlansAreRefusedNamingTheField() {
        HaolinUser admin = town.townAdmin();
        NewCampaign good = plan(town, town.town().id(), List.of());
        OffsetDateTime start = good.startsAt();
        refused(admin, new NewCampaign("NO_SUCH", good.name(), good.areaId(), start, good.endsAt(), null, List.of()),
                "screening.campaign.type.invalid");
        refused(admin, new NewCampaign("ANTIGEN", " ", good.areaId(), start, good.endsAt(), null, List.of()),
                "screening.campaign.name.invalid");
        refused(admin, new NewCampaign("ANTIGEN", "x", town.district().id(), start, good.endsAt(), null, List.of()),
                "screening.campaign.area.invalid");
        refused(admin, new NewCampaign("ANTIGEN", "x", good.areaId(), null, good.endsAt(), null, List.of()),
                "screening.campaign.startsAt.missing");
        refused(admin, new NewCampaign("ANTIGEN", "x", good.areaId(), start, start, null, List.of()),
                "screening.campaign.endsAt.beforeStart");
        refused(admin, new NewCampaign("ANTIGEN", "x", good.areaId(), start, start.plusDays(8), null, List.of()),
                "screening.campaign.endsAt.tooLate");
        refused(admin, new NewCampaign("ANTIGEN", "x", good.areaId(), start, good.endsAt(), 21, List.of()),
                "screening.campaign.tubeSize.invalid");
        refused(admin, new NewCampaign("ANTIGEN", "x", good.areaId(), start, good.endsAt(), 0, List.of()),
                "screening.campaign.tubeSize.invalid");
    }

    @Test
    void pointsMustLieInsideTheCampaignAreaAndTheirStaffMustScreenThere() {
        HaolinUser secretary = town.secretary1();
        long area1 = town.area1().id();
        refused(secretary, plan(town, area1, List.of(point("海韵点", town.compound2().id()))),
                "screening.campaign.point.area.outside");
        refused(secretary, plan(town, area1, List.of(point("点", town.compound1().id()), point("点", town.compound1().id()))),
                "screening.campaign.point.name.duplicate");
        // leader 2 screens only in building 2; the epidemic office does not screen at all
        refused(secretary, plan(town, area1, List.of(point("点", town.compound1().id(),
                new NewCampaign.NewStaff(town.leader2().accountId(), Duty.SCANNER)))), "screening.campaign.staff.invalid");
        refused(secretary, plan(town, area1, List.of(point("点", town.compound1().id(),
                new NewCampaign.NewStaff(town.epidemicOffice().accountId(), Duty.SCANNER)))), "screening.campaign.staff.invalid");

        Campaign campaign = campaigns.plan(secretary, plan(town, area1, List.of(point("星火点", town.building1().id(),
                new NewCampaign.NewStaff(town.leader1().accountId(), Duty.LEADER),
                new NewCampaign.NewStaff(town.partyMember1().accountId(), Duty.SCANNER)))));
        CampaignOverview overview = campaigns.overview(secretary, campaign.id());
        assertThat(overview.points()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("星火点");
            assertThat(p.place()).isEqualTo("小区南门");
            assertThat(p.staff()).extracting(CampaignPoint.Staff::accountId, CampaignPoint.Staff::duty)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(town.leader1().accountId(), Duty.LEADER),
                            org.assertj.core.groups.Tuple.tuple(town.partyMember1().accountId(), Duty.SCANNER));
        });
    }

    @Test
    void onlyOrganisersOfTheWholeAreaPlanAndOpen() {
        refused(town.secretary1(), plan(town, town.town().id(), List.of()), "screening.campaign.area.forbidden");
        refused(town.leader1(), plan(town, town.building1().id(), List.of()), "screening.campaign.area.forbidden");
        Campaign campaign = CampaignFixture.planned(campaigns, town);
        assertThatThrownBy(() -> campaigns.open(town.secretary1(), campaign.id()))
                .hasMessage("screening.campaign.notFound");
    }

    @Test
    void progressSumsStairwellsUpToEachPlaceAndDrillsDown() {
        Campaign campaign = CampaignFixture.planned(campaigns, town);
        campaigns.open(town.townAdmin(), campaign.id());
        CampaignFixture.scan(db, campaign, town.residents().get(0), town.partyMember1());
        CampaignFixture.scan(db, campaign, town.residents().get(2), town.partyMember1());
        CampaignFixture.scan(db, campaign, town.residents().get(3), town.partyMember1());

        AreaProgress whole = campaigns.progress(town.townAdmin(), campaign.id(), null);
        assertThat(whole.area().id()).isEqualTo(town.town().id());
        assertThat(whole.totals()).isEqualTo(new Progress(5, 3, 1, 0));
        Map<Long, Progress> parts = parts(whole);
        assertThat(parts).containsOnlyKeys(town.area1().id(), town.area2().id());
        assertThat(parts.get(town.area1().id())).isEqualTo(new Progress(3, 2, 1, 0));
        assertThat(parts.get(town.area2().id())).isEqualTo(new Progress(2, 1, 0, 0));

        AreaProgress compound = campaigns.progress(town.townAdmin(), campaign.id(), town.compound1().id());
        assertThat(parts(compound)).containsOnlyKeys(town.building1().id());
        assertThat(compound.lineage()).extracting(a -> a.id()).containsExactly(town.town().id(), town.area1().id(),
                town.compound1().id());
        AreaProgress stairwell = campaigns.progress(town.townAdmin(), campaign.id(), town.stairwell2().id());
        assertThat(stairwell.totals()).isEqualTo(new Progress(2, 1, 0, 0));
        assertThat(stairwell.parts()).isEmpty();
    }

    @Test
    void readersSeeProgressOnlyOfTheirOwnPlaces() {
        Campaign campaign = CampaignFixture.planned(campaigns, town);

        AreaProgress leaders = campaigns.progress(town.leader1(), campaign.id(), null);
        assertThat(leaders.area().id()).isEqualTo(town.building1().id());
        assertThat(leaders.totals().expected()).isEqualTo(3);
        assertThat(leaders.lineage()).extracting(a -> a.id()).containsExactly(town.building1().id());
        assertThatThrownBy(() -> campaigns.progress(town.leader1(), campaign.id(), town.compound1().id()))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> campaigns.progress(town.leader2(), campaign.id(), town.building1().id()))
                .isInstanceOf(DomainException.class);
        for (HaolinUser outsider : List.of(town.claimer(), town.systemAdmin(), town.partyMember1(),
                testTown.create().townAdmin())) {
            assertThatThrownBy(() -> campaigns.progress(outsider, campaign.id(), null))
                    .hasMessage("screening.campaign.notFound");
            assertThat(campaigns.list(outsider)).extracting(Campaign::id).doesNotContain(campaign.id());
        }
        assertThat(campaigns.list(town.leader1())).extracting(Campaign::id).contains(campaign.id());
    }

    @Test
    void theBuildingListsShowWhoIsNotSampledYetAndTheDoorToDoorResidentsWithMaskedNames() {
        Campaign campaign = CampaignFixture.planned(campaigns, town);
        campaigns.open(town.townAdmin(), campaign.id());
        CampaignFixture.scan(db, campaign, town.residents().get(1), town.partyMember1());

        BuildingLists lists = campaigns.buildingLists(town.leader1(), campaign.id(), town.building1().id(), Locale.CHINA);

        assertThat(lists.notSampled()).extracting(WaitingResident::residentId)
                .containsExactly(town.residents().get(0), town.residents().get(2));
        assertThat(lists.notSampled().getFirst().room()).isEqualTo("301");
        assertThat(lists.notSampled().getFirst().maskedName()).startsWith("张").doesNotContain(town.names().get(0));
        assertThat(lists.notSampled().getFirst().doorToDoor()).isTrue();
        assertThat(lists.doorToDoor()).singleElement().satisfies(d -> {
            assertThat(d.residentId()).isEqualTo(town.residents().get(0));
            assertThat(d.sampled()).isFalse();
            assertThat(d.tagNames()).containsExactly("80岁以上高龄独居老人");
        });

        CampaignFixture.scan(db, campaign, town.residents().get(0), town.partyMember1());
        BuildingLists after = campaigns.buildingLists(town.leader1(), campaign.id(), town.building1().id(), Locale.CHINA);
        assertThat(after.notSampled()).extracting(WaitingResident::residentId).containsExactly(town.residents().get(2));
        assertThat(after.doorToDoor().getFirst().sampled()).isTrue();
        assertThatThrownBy(() -> campaigns.buildingLists(town.leader2(), campaign.id(), town.building1().id(),
                Locale.CHINA)).isInstanceOf(DomainException.class);
    }

    private void refused(HaolinUser user, NewCampaign plan, String key) {
        assertThatThrownBy(() -> campaigns.plan(user, plan)).isInstanceOf(DomainException.class).hasMessage(key);
    }

    private Map<Long, Progress> parts(AreaProgress progress) {
        return progress.parts().stream().collect(Collectors.toMap(p -> p.area().id(), AreaProgress.Part::progress));
    }

    private Map<Long, haolin.schema.tables.records.CampaignExpectedRecord> expected(Campaign campaign) {
        return db.selectFrom(CAMPAIGN_EXPECTED).where(CAMPAIGN_EXPECTED.CAMPAIGN_ID.eq(campaign.id())).fetch().stream()
                .collect(Collectors.toMap(e -> e.getResidentId(), Function.identity()));
    }

    private void status(long residentId, ResidenceStatus status) {
        db.update(RESIDENT).set(RESIDENT.RESIDENCE_STATUS, status.name()).where(RESIDENT.ID.eq(residentId)).execute();
    }
}
