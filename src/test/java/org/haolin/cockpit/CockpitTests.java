package org.haolin.cockpit;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.Accounts;
import org.haolin.access.Grant;
import org.haolin.access.HaolinUser;
import org.haolin.access.Role;
import org.haolin.area.Area;
import org.haolin.area.AreaTree;
import org.haolin.area.ZoneLevel;
import org.haolin.platform.DomainException;
import org.haolin.resident.CurrentTag;
import org.haolin.resident.IdType;
import org.haolin.resident.MainlandIdNumber;
import org.haolin.resident.NewResident;
import org.haolin.resident.ResidenceStatus;
import org.haolin.resident.ResidentRegistry;
import org.haolin.resident.Residents;
import org.haolin.resident.TagSource;
import org.jooq.DSLContext;
import org.jooq.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static haolin.schema.Tables.AUDIT_EVENT;
import static haolin.schema.Tables.COCKPIT_COUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HaolinTest
class CockpitTests {

    @Autowired
    TestTown testTown;
    @Autowired
    Cockpit cockpit;
    @Autowired
    Residents residents;
    @Autowired
    ResidentRegistry registry;
    @Autowired
    Accounts accounts;
    @Autowired
    DSLContext db;
    @Autowired
    MockMvc mvc;
    @Autowired
    AreaTree areas;
    @Autowired
    org.haolin.sweep.SweepRounds sweepRounds;
    @Autowired
    org.haolin.sweep.SweepTeams sweepTeams;
    @Autowired
    org.haolin.sweep.SweepSheets sweepSheets;
    @Autowired
    org.haolin.keygroup.KeyGroupLists keyGroupLists;
    @Autowired
    org.haolin.pairing.Pairings pairings;
    @Autowired
    org.haolin.MovableClock clock;
    @Autowired
    org.haolin.cockpit.internal.TownRollup rollup;

    TestTown.Town town;

    @BeforeEach
    void setUp() {
        town = testTown.create();
        cockpit.refresh(town.town().id());
    }

    @Test
    void theTownAdminSeesResidentsAndHardshipPerResidentialArea() {
        Overview overview = cockpit.overview(town.townAdmin(), null);

        assertThat(overview.area()).isEqualTo(town.town());
        assertThat(overview.totals()).extracting(Figures::residents, Figures::keyGroup, Figures::hardship)
                .containsExactly(5, 0, 2);
        assertThat(overview.parts()).extracting(p -> p.area().name(), p -> p.figures().residents(),
                        p -> p.figures().hardship())
                .containsExactly(tuple("星火居民区", 3, 1),
                        tuple("海韵居民区", 2, 1));
        assertThat(overview.parts().get(0).figures().tag("ELDERLY_80_LIVING_ALONE")).isEqualTo(1);
        assertThat(overview.parts().get(1).figures().tag("MINIMUM_LIVING_ALLOWANCE")).isEqualTo(1);
        assertThat(overview.tags()).extracting(t -> t.tag().code(), TagFigure::count).containsExactly(
                tuple("MEDICAL_STAFF", 1),
                tuple("MINIMUM_LIVING_ALLOWANCE", 1),
                tuple("ELDERLY_80_LIVING_ALONE", 1));
        assertThat(overview.asOf()).isNotNull();
    }

    @Test
    void drillsDownFromTheTownToOneStairwell() {
        assertThat(cockpit.overview(town.townAdmin(), town.area1().id()).parts())
                .extracting(p -> p.area().id(), p -> p.figures().residents())
                .containsExactly(tuple(town.compound1().id(), 3));
        assertThat(cockpit.overview(town.townAdmin(), town.building1().id()).parts())
                .extracting(p -> p.area().id()).containsExactly(town.stairwell1().id());

        Overview stairwell = cockpit.overview(town.townAdmin(), town.stairwell1().id());
        assertThat(stairwell.atStairwell()).isTrue();
        assertThat(stairwell.parts()).isEmpty();
        assertThat(stairwell.totals().residents()).isEqualTo(3);
        assertThat(stairwell.lineage()).extracting(Area::id)
                .containsSubsequence(town.town().id(), town.area1().id(), town.stairwell1().id());
    }

    @Test
    void aNewKeyGroupTagIsCountedAndAnEndedOneDisappears() {
        long residentId = town.residents().get(1);
        CurrentTag tag = residents.addTag(town.leader1(), residentId, "RECENTLY_VACCINATED", null, TagSource.MANUAL, null);
        cockpit.refresh(town.town().id());

        Figures area1 = cockpit.overview(town.townAdmin(), town.area1().id()).totals();
        assertThat(area1.keyGroup()).isEqualTo(1);
        assertThat(area1.tag("RECENTLY_VACCINATED")).isEqualTo(1);
        assertThat(cockpit.overview(town.townAdmin(), null).totals().keyGroup()).isEqualTo(1);

        residents.endTag(town.leader1(), residentId, tag.assignmentId(), "weeks ago");
        cockpit.refresh(town.town().id());

        assertThat(cockpit.overview(town.townAdmin(), town.area1().id()).totals().keyGroup()).isZero();
        assertThat(db.fetchCount(COCKPIT_COUNT, COCKPIT_COUNT.TOWN_ID.eq(town.town().id()),
                COCKPIT_COUNT.TAG_CODE.eq("RECENTLY_VACCINATED"))).isZero();
    }

    @Test
    void aTownIsCountedAgainOnlyOnceATagRanOutSinceItsLastCount() {
        residents.addTag(town.leader1(), town.residents().get(1), "RECENTLY_VACCINATED",
                OffsetDateTime.now(clock).plusHours(1), TagSource.MANUAL, null);
        cockpit.refresh(town.town().id());
        assertThat(rollup.townsWithTagsRunOut()).doesNotContain(town.town().id());
        try {
            clock.advance(Duration.ofHours(2));
            assertThat(rollup.townsWithTagsRunOut()).contains(town.town().id());

            cockpit.refresh(town.town().id());

            assertThat(rollup.townsWithTagsRunOut()).doesNotContain(town.town().id());
            assertThat(cockpit.overview(town.townAdmin(), town.area1().id()).totals().keyGroup()).isZero();
        } finally {
            clock.reset();
        }
    }

    @Test
    void aChangeIsCountedWithinSecondsWithoutAnyoneAsking() {
        residents.addTag(town.leader1(), town.residents().get(2), "NEEDS_DOOR_TO_DOOR_TESTING", null, TagSource.MANUAL, null);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(cockpit.overview(town.townAdmin(), town.stairwell1().id()).totals().keyGroup()).isEqualTo(1));
    }

    @Test
    void aResidentWhoMovedOutIsNotCounted() {
        String idNumber = town.idNumbers().get(4);
        MainlandIdNumber id = MainlandIdNumber.parse(idNumber);
        registry.write(town.stairwell2(), new NewResident(town.stairwell2().id(), "101", "陈小明", String.valueOf(id.sex()),
                        id.birthDate(), IdType.MAINLAND_ID, idNumber, null, ResidenceStatus.MOVED_OUT, null, List.of()),
                TagSource.MANUAL, null, "test");
        cockpit.refresh(town.town().id());

        assertThat(cockpit.overview(town.townAdmin(), town.area2().id()).totals().residents()).isEqualTo(1);
    }

    @Test
    void countingAgainChangesNothingWhenNothingChanged() {
        cockpit.refresh(town.town().id());
        Result<?> before = rollupRows();

        assertThat(cockpit.refresh(town.town().id())).isZero();
        assertThat(cockpit.refresh(town.town().id())).isZero();
        assertThat(rollupRows()).isEqualTo(before);
        // town, residential area, compound, building and stairwell each hold their residents
        assertThat(before).filteredOn(r -> "RESIDENTS".equals(r.get(COCKPIT_COUNT.FIGURE))).hasSize(9);
    }

    @Test
    void aSecretaryStartsAtTheirResidentialAreaAndCannotOpenAnother() {
        Overview overview = cockpit.overview(town.secretary1(), null);
        assertThat(overview.area()).isEqualTo(town.area1());
        assertThat(overview.totals().residents()).isEqualTo(3);

        assertThatThrownBy(() -> cockpit.overview(town.secretary1(), town.area2().id()))
                .isInstanceOf(DomainException.class).hasMessage("area.notFound");
        assertThatThrownBy(() -> cockpit.overview(town.secretary1(), town.town().id()))
                .isInstanceOf(DomainException.class).hasMessage("area.notFound");
    }

    @Test
    void aPersonWithSeveralAreasSeesEachAsARowAndTheirSum() {
        long id = accounts.create("supervisor-both" + town.n(), "Supervisor " + town.n(), TestTown.PASSWORD, false);
        for (Area area : List.of(town.area1(), town.area2())) {
            accounts.assign(id, new Grant(Role.SUPERVISOR, area.townId(), area.id(), area.path()));
        }
        Overview overview = cockpit.overview(accounts.user(id).orElseThrow(), null);

        assertThat(overview.area()).isNull();
        assertThat(overview.parts()).extracting(p -> p.area().id()).containsExactly(town.area1().id(), town.area2().id());
        assertThat(overview.totals().residents()).isEqualTo(5);
        assertThat(overview.totals().hardship()).isEqualTo(2);
    }

    @Test
    void everyViewIsAudited() {
        cockpit.overview(town.secretary1(), town.compound1().id());

        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACCOUNT_ID.eq(town.secretary1().accountId()),
                AUDIT_EVENT.ACTION.eq("LIST"), AUDIT_EVENT.OBJECT_TYPE.eq("COCKPIT"),
                AUDIT_EVENT.OBJECT_ID.eq(town.compound1().id()), AUDIT_EVENT.RESULT.eq("OK"))).isEqualTo(1);
    }

    @Test
    void thePageShowsTheTableTheChartDataAndTheDrillDownLinks() throws Exception {
        mvc.perform(get("/cockpit").with(as(town.townAdmin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"cockpit-table\"")))
                .andExpect(content().string(containsString("data-cockpit=")))
                .andExpect(content().string(containsString("/cockpit?area=" + town.area1().id())))
                .andExpect(content().string(containsString("星火居民区")))
                .andExpect(content().string(containsString("镇总览")));
        mvc.perform(get("/cockpit").param("area", String.valueOf(town.stairwell1().id())).param("lang", "en")
                        .with(as(town.townAdmin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Town overview")))
                .andExpect(content().string(containsString("/stairwells/" + town.stairwell1().id())));
    }

    @Test
    void theDataEndpointAnswersTheSameFiguresAsJson() throws Exception {
        mvc.perform(get("/cockpit/data").param("area", String.valueOf(town.area1().id())).param("lang", "en")
                        .with(as(town.secretary1())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.area.id").value(town.area1().id()))
                .andExpect(jsonPath("$.totals.residents").value(3))
                .andExpect(jsonPath("$.totals.hardship").value(1))
                .andExpect(jsonPath("$.parts[0].name").value("星火一村"))
                .andExpect(jsonPath("$.parts[0].href").value("/cockpit?area=" + town.compound1().id()))
                .andExpect(jsonPath("$.labels.hardship").value("In hardship"))
                .andExpect(jsonPath("$.tags[?(@.code == 'ELDERLY_80_LIVING_ALONE')].count").value(1));
    }

    @Test
    void outsideTheScopePageDataAndApiAnswerNotFound() throws Exception {
        String area2 = String.valueOf(town.area2().id());
        mvc.perform(get("/cockpit").param("area", area2).with(as(town.secretary1())))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("海韵苑"))));
        mvc.perform(get("/cockpit/data").param("area", area2).with(as(town.secretary1())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.totals").doesNotExist());
        String token = accounts.createToken(town.secretary1().accountId(), "overview");
        mvc.perform(get("/api/v1/cockpit/areas/" + area2).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cockpit/areas/" + town.area1().id()).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.residents").value(3));
    }

    @Test
    void withoutTheOverviewPermissionEverythingIsRefused() throws Exception {
        for (HaolinUser user : List.of(town.partyMember1(), town.leader1(), town.claimer(), town.systemAdmin())) {
            mvc.perform(get("/cockpit").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/cockpit/data").param("area", String.valueOf(town.area1().id())).with(as(user)))
                    .andExpect(status().isForbidden());
        }
        String token = accounts.createToken(town.partyMember1().accountId(), "overview");
        mvc.perform(get("/api/v1/cockpit").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isForbidden());
    }

    @Test
    void compoundsAndBuildingsAboveTheNormalZoneLevelAreListedStrictestFirst() throws Exception {
        mvc.perform(get("/cockpit").param("area", String.valueOf(town.area1().id())).with(as(town.secretary1())))
                .andExpect(content().string(containsString("id=\"all-normal\"")));
        areas.changeZoneLevel(town.epidemicOffice(), town.compound1().id(), ZoneLevel.PREVENTION, "周边出现病例");
        areas.changeZoneLevel(town.epidemicOffice(), town.building1().id(), ZoneLevel.SEALED, "楼内阳性");
        areas.changeZoneLevel(town.epidemicOffice(), town.building2().id(), ZoneLevel.CONTROLLED, "密接");

        assertThat(cockpit.overview(town.secretary1(), null).zoned()).extracting(Area::name, Area::zoneLevel)
                .containsExactly(tuple("5号楼", ZoneLevel.SEALED), tuple("星火一村", ZoneLevel.PREVENTION));
        assertThat(cockpit.overview(town.townAdmin(), null).zoneCounts())
                .containsExactly(entry(ZoneLevel.SEALED, 1L), entry(ZoneLevel.CONTROLLED, 1L), entry(ZoneLevel.PREVENTION, 1L));
        mvc.perform(get("/cockpit/data").param("area", String.valueOf(town.area2().id())).with(as(town.townAdmin())))
                .andExpect(jsonPath("$.zoned[0].name").value("12号楼"))
                .andExpect(jsonPath("$.zoned[0].zoneLevel").value("CONTROLLED"));
        mvc.perform(get("/cockpit").with(as(town.secretary1())))
                .andExpect(content().string(containsString("id=\"zoned-" + town.building1().id() + "\"")))
                .andExpect(content().string(not(containsString("12号楼"))));
    }

    @Test
    void thisWeeksSweepCoverageIsShownPerResidentialArea() throws Exception {
        assertThat(cockpit.overview(town.townAdmin(), null).sweeps()).extracting(c -> c.roundId()).containsOnlyNulls();
        var round = sweepRounds.open(town.secretary1(), town.area1().id());
        sweepTeams.assign(town.secretary1(), town.stairwell1().id(), org.haolin.sweep.TeamRole.BUILDING_LEADER,
                town.leader1().accountId());
        assertThat(cockpit.overview(town.townAdmin(), null).sweepTotal()).isEqualTo(new org.haolin.sweep.Coverage(1, 0));

        for (long resident : town.residents().subList(0, 3)) {
            sweepSheets.mark(town.leader1(), round.id(), new org.haolin.sweep.MarkOrder(resident, 0,
                    org.haolin.sweep.Presence.PRESENT, java.util.Set.of()), "cockpit-" + resident);
        }
        sweepSheets.complete(town.leader1(), round.id(), town.stairwell1().id());

        assertThat(cockpit.overview(town.secretary1(), town.compound1().id()).sweeps())
                .extracting(c -> c.areaName(), c -> c.coverage().swept(), c -> c.coverage().due())
                .containsExactly(tuple("星火居民区", 1, 1));
        mvc.perform(get("/cockpit").with(as(town.townAdmin())))
                .andExpect(content().string(containsString("id=\"sweep-" + town.area1().id() + "\"")))
                .andExpect(content().string(containsString("尚未开始")));
        mvc.perform(get("/cockpit/data").param("area", String.valueOf(town.area1().id())).with(as(town.secretary1())))
                .andExpect(jsonPath("$.sweeps[0].swept").value(1))
                .andExpect(jsonPath("$.sweeps[0].due").value(1));
    }

    @Test
    void officeListRowsStillWaitingAreShownPerListAndResidentialArea() throws Exception {
        var pushed = keyGroupLists.push(town.epidemicOffice(), new org.haolin.keygroup.NewKeyGroupList("cockpit-" + town.n(),
                "OUT_OF_CENTRAL_QUARANTINE", "隔离点名单" + town.n(), null, List.of(
                new org.haolin.keygroup.NewKeyGroupRow(town.names().get(0), town.idNumbers().get(0), null, null, null, null, null),
                new org.haolin.keygroup.NewKeyGroupRow("查无此人", null, null, "星火一村5号楼2单元909室", null, null, null),
                new org.haolin.keygroup.NewKeyGroupRow("也没有", null, null, "海韵苑12号楼1单元808室", null, null, null))));

        var waiting = cockpit.overview(town.townAdmin(), null).waiting();
        assertThat(waiting.lists()).filteredOn(l -> l.listId() == pushed.list().id())
                .extracting(l -> l.waiting()).containsExactly(2);
        assertThat(cockpit.overview(town.secretary1(), null).waiting().areas())
                .extracting(a -> a.areaName(), a -> a.waiting()).containsExactly(tuple("星火居民区", 1));
        mvc.perform(get("/cockpit").with(as(town.townAdmin())))
                .andExpect(content().string(containsString("id=\"waiting-list-" + pushed.list().id() + "\"")))
                .andExpect(content().string(containsString("隔离点名单" + town.n())));
        mvc.perform(get("/cockpit").param("area", String.valueOf(town.area2().id())).with(as(town.townAdmin())))
                .andExpect(content().string(containsString("id=\"waiting-area-" + town.area2().id() + "\"")))
                .andExpect(content().string(not(containsString("id=\"waiting-area-" + town.area1().id() + "\""))));
    }

    @Test
    void pairingCoverageAndWishesAreShownToThoseWhoPairResidents() throws Exception {
        pairings.pair(town.secretary1(), town.residents().getFirst(), town.partyMember1().accountId());
        var overview = cockpit.overview(town.secretary1(), null);
        assertThat(overview.pairing()).extracting(c -> c.areaName(), c -> c.listed(), c -> c.paired())
                .containsExactly(tuple("星火居民区", 1, 1));
        assertThat(overview.wishes().medianHoursToFulfil()).isNull();
        assertThat(overview.withinFrequencyPercent()).isEqualTo(100);
        clock.advance(java.time.Duration.ofDays(2)); // 80+ living alone: a contact every day
        try {
            var later = cockpit.overview(town.secretary1(), null);
            assertThat(later.overduePairings()).isEqualTo(1);
            assertThat(later.withinFrequencyPercent()).isZero();
        } finally {
            clock.reset();
        }
        assertThat(cockpit.overview(town.epidemicOffice(), null).pairing()).isEmpty();
        mvc.perform(get("/cockpit").with(as(town.secretary1())))
                .andExpect(content().string(containsString("id=\"pairing-" + town.area1().id() + "\"")))
                .andExpect(content().string(containsString("还没有已完成的心愿")));
    }

    private Result<?> rollupRows() {
        return db.selectFrom(COCKPIT_COUNT).where(COCKPIT_COUNT.TOWN_ID.eq(town.town().id()))
                .orderBy(COCKPIT_COUNT.AREA_ID, COCKPIT_COUNT.FIGURE, COCKPIT_COUNT.TAG_CODE).fetch();
    }

    private static RequestPostProcessor as(HaolinUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("SIGNED_IN")));
    }
}
