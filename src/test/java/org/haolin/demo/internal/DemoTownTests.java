package org.haolin.demo.internal;

import org.haolin.HaolinTest;
import org.haolin.access.Accounts;
import org.haolin.access.HaolinUser;
import org.haolin.access.Role;
import org.haolin.area.AreaLevel;
import org.haolin.platform.Masking;
import org.haolin.platform.SensitiveData;
import org.haolin.resident.RosterEntry;
import org.haolin.resident.Residents;
import org.haolin.resident.StairwellRoster;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static haolin.schema.Tables.ACCOUNT;
import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.HOUSEHOLD;
import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.RESIDENT_TAG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A small demo town (500 residents) bulk loaded into a fresh district, with its demo accounts. */
@HaolinTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoTownTests {

    @Autowired
    TownLoader towns;
    @Autowired
    DemoAccounts demoAccounts;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    DSLContext db;
    @Autowired
    Residents residents;
    @Autowired
    Accounts accounts;
    @Autowired
    SensitiveData sensitive;
    @Autowired
    MockMvc mvc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    DemoSweeps demoSweeps;
    @Autowired
    org.haolin.sweep.SweepRounds sweepRounds;
    @Autowired
    org.haolin.sweep.SweepSheets sweepSheets;

    @Autowired
    DemoOfficeList demoOfficeList;
    @Autowired
    DemoCampaign demoCampaign;
    @Autowired
    org.haolin.screening.Campaigns campaigns;
    @Autowired
    org.haolin.screening.Scans scans;
    @Autowired
    org.haolin.notify.Inbox inbox;

    LoadedTown town;
    org.haolin.keygroup.KeyGroupList officeList;
    org.haolin.screening.Campaign campaign;
    Map<String, DemoAccount> byRole;
    Path credentials;

    @BeforeAll
    void load(@TempDir Path dataDir) {
        long n = System.nanoTime() % 1_000_000;
        TownSpec spec = new TownSpec("海湾镇", "310120101", "310120", 500, 7L, OffsetDateTime.now());
        town = tx.execute(s -> towns.loadIfAbsent(towns.district("310120", "演示测试区" + n), spec, done -> {
        }).orElseThrow());
        List<DemoAccount> created = tx.execute(s -> demoAccounts.create(town, ".t" + n));
        tx.executeWithoutResult(s -> demoSweeps.start(town, created));
        officeList = tx.execute(s -> demoOfficeList.push(town, created));
        campaign = demoCampaign.open(created);
        credentials = CredentialsFile.write(dataDir, created);
        byRole = created.stream().collect(Collectors.toMap(DemoAccount::role, Function.identity()));
    }

    @Test
    void theDemoCampaignIsOpenAndTheDemoVolunteerScansAtItsPointFindingResidentsOfTheArea() {
        var volunteer = accounts.user(byRole.get("VOLUNTEER").accountId()).orElseThrow();
        var admin = accounts.user(byRole.get("TOWN_ADMIN").accountId()).orElseThrow();
        assertThat(campaign.state()).isEqualTo(org.haolin.screening.CampaignState.OPEN);
        assertThat(campaign.expectedCount()).isPositive();
        var point = campaigns.overview(admin, campaign.id()).points().getFirst();
        assertThat(point.staff()).hasSize(3);
        String room = db.select(haolin.schema.Tables.CAMPAIGN_EXPECTED.ROOM).from(haolin.schema.Tables.CAMPAIGN_EXPECTED)
                .where(haolin.schema.Tables.CAMPAIGN_EXPECTED.CAMPAIGN_ID.eq(campaign.id()),
                        haolin.schema.Tables.CAMPAIGN_EXPECTED.AREA_PATH.contains("." + point.areaId() + "."))
                .limit(1).fetchSingle().value1();
        assertThat(scans.search(volunteer, campaign.id(), point.id(), room)).isNotEmpty();
    }

    @Test
    void theDemoTeamFindsThisWeeksSweepOfTheLeadersStairwells() {
        var leader = accounts.user(byRole.get("BUILDING_LEADER").accountId()).orElseThrow();
        var volunteer = accounts.user(byRole.get("VOLUNTEER").accountId()).orElseThrow();
        var mine = sweepRounds.myStairwells(leader);
        assertThat(mine).isNotEmpty().allMatch(s -> s.team().size() == 3);
        assertThat(sweepRounds.myStairwells(volunteer)).hasSameSizeAs(mine);
        var first = mine.getFirst();
        assertThat(sweepSheets.sheet(volunteer, first.roundId(), first.stairwellId()).lines()).hasSize(first.residents());
        var admin = accounts.user(byRole.get("TOWN_ADMIN").accountId()).orElseThrow();
        assertThat(sweepRounds.organisedThisWeek(admin)).hasSize((int) town.count(AreaLevel.RESIDENTIAL_AREA))
                .allMatch(a -> a.roundId() != null);
    }

    @Test
    void theOfficesDemoListIsAppliedTellsTheBuildingLeaderAndLeavesRowsWaiting() {
        assertThat(officeList.applied()).isTrue();
        assertThat(officeList.counts().matched()).isGreaterThanOrEqualTo(2);
        assertThat(officeList.counts().waiting()).isGreaterThanOrEqualTo(2);
        assertThat(db.fetchCount(RESIDENT_TAG, RESIDENT_TAG.TOWN_ID.eq(town.town().id()),
                RESIDENT_TAG.SOURCE.eq("OFFICE_LIST"))).isEqualTo(officeList.counts().applied());
        var leader = accounts.user(byRole.get("BUILDING_LEADER").accountId()).orElseThrow();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> inbox.unreadCount(leader) > 0);
    }

    @Test
    void everyRowLandsInTheTown() {
        long townId = town.town().id();
        GeneratedTown g = town.generated();
        assertThat(db.fetchCount(AREA, AREA.PATH.startsWith(town.town().path()))).isEqualTo(g.areas().size() + 1);
        assertThat(db.fetchCount(HOUSEHOLD, HOUSEHOLD.TOWN_ID.eq(townId))).isEqualTo(g.households().size());
        assertThat(db.fetchCount(RESIDENT, RESIDENT.TOWN_ID.eq(townId))).isEqualTo(500);
        assertThat(db.fetchCount(RESIDENT_TAG, RESIDENT_TAG.TOWN_ID.eq(townId), RESIDENT_TAG.SOURCE.ne("OFFICE_LIST")))
                .isEqualTo(g.tags().size());
        assertThat(db.fetchCount(AREA, AREA.TOWN_ID.eq(townId), AREA.LEVEL.eq(AreaLevel.STAIRWELL.name())))
                .isEqualTo((int) town.count(AreaLevel.STAIRWELL));
    }

    @Test
    void identitiesAreStoredExactlyAsTheRegistryStoresThem() {
        Person person = town.generated().residents().getFirst();
        var row = db.selectFrom(RESIDENT).where(RESIDENT.TOWN_ID.eq(town.town().id()),
                RESIDENT.ID_NUMBER_HASH.eq(sensitive.lookupHash(person.idNumber))).fetchOne();
        assertThat(row).isNotNull();
        assertThat(row.getName()).isEqualTo(person.name);
        assertThat(sensitive.decrypt(row.getIdNumberEnc())).isEqualTo(person.idNumber);
        assertThat(row.getIdNumberMasked()).isEqualTo(Masking.idNumber(person.idNumber));
        assertThat(row.getIdLast4()).isEqualTo(person.idNumber.substring(person.idNumber.length() - 4));
        if (person.phone != null) {
            assertThat(sensitive.decrypt(row.getPhoneEnc())).isEqualTo(person.phone);
            assertThat(row.getPhoneMasked()).isEqualTo(Masking.phone(person.phone));
        }
        assertThat(row.getBirthDate()).isEqualTo(person.birthDate);
    }

    @Test
    void theBuildingLeaderReadsTheirStairwellsThroughTheRoster() {
        HaolinUser leader = accounts.user(byRole.get("BUILDING_LEADER").accountId()).orElseThrow();
        String buildingPath = leader.grants().getFirst().areaPath();
        List<Long> stairwells = db.select(AREA.ID).from(AREA)
                .where(AREA.PATH.startsWith(buildingPath), AREA.LEVEL.eq(AreaLevel.STAIRWELL.name()))
                .fetch(AREA.ID);
        int seen = 0;
        for (long stairwell : stairwells) {
            StairwellRoster roster = residents.roster(leader, stairwell);
            assertThat(roster.entries()).hasSize(db.fetchCount(RESIDENT, RESIDENT.AREA_ID.eq(stairwell)));
            assertThat(roster.entries()).allSatisfy(e -> assertThat(e.idNumberMasked()).contains("*"));
            seen += roster.entries().size();
        }
        assertThat(seen).isPositive();
        long tagged = stairwells.stream().flatMap(s -> residents.roster(leader, s).entries().stream())
                .map(RosterEntry::tags).filter(t -> !t.isEmpty()).count();
        assertThat(tagged).isLessThanOrEqualTo(seen);
    }

    @Test
    void credentialsHaveAHeaderAndOneWorkingPasswordPerRole() throws Exception {
        List<String> lines = Files.readAllLines(credentials);
        assertThat(lines.getFirst()).isEqualTo("username\tpassword\trole\tscope_area_id\ttotp_secret\tapi_token");
        assertThat(lines).hasSize(Role.values().length + 2);
        assertThat(byRole.keySet()).containsAll(Arrays.stream(Role.values()).map(Role::name).toList())
                .contains("SYSTEM_ADMIN");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            assertThat(f).hasSize(6);
            assertThat(f[1]).hasSizeGreaterThanOrEqualTo(12);
            String hash = db.select(ACCOUNT.PASSWORD_HASH).from(ACCOUNT).where(ACCOUNT.USERNAME.eq(f[0]))
                    .fetchOne(ACCOUNT.PASSWORD_HASH);
            assertThat(passwords.matches(f[1], hash)).as(f[0]).isTrue();
            boolean secondFactor = f[2].equals("SYSTEM_ADMIN") || Role.valueOf(f[2]).secondFactorRequired();
            assertThat(f[4].isEmpty()).as(f[0] + " totp").isEqualTo(!secondFactor);
            assertThat(f[3].isEmpty()).isEqualTo(f[2].equals("SYSTEM_ADMIN"));
            assertThat(f[5]).startsWith("hl_");
        }
        DemoAccount admin = byRole.get("TOWN_ADMIN");
        assertThat(accounts.secondFactorSecret(admin.accountId())).contains(admin.totpSecret());
        assertThat(admin.scopeAreaIds()).containsExactly(town.town().id());
        assertThat(byRole.get("SUPERVISOR").scopeAreaIds()).hasSize(town.count(AreaLevel.RESIDENTIAL_AREA) > 1 ? 2 : 1);
    }

    @Test
    void theApiTokenOpensTheStairwellListInScopeOnly() throws Exception {
        DemoAccount leader = byRole.get("BUILDING_LEADER");
        HaolinUser user = accounts.user(leader.accountId()).orElseThrow();
        long inside = db.select(AREA.ID).from(AREA).where(AREA.PATH.startsWith(user.grants().getFirst().areaPath()),
                AREA.LEVEL.eq(AreaLevel.STAIRWELL.name())).limit(1).fetchOne(AREA.ID);
        long outside = db.select(AREA.ID).from(AREA).where(AREA.TOWN_ID.eq(town.town().id()),
                AREA.LEVEL.eq(AreaLevel.STAIRWELL.name()), AREA.PATH.notLike(user.grants().getFirst().areaPath() + "%"))
                .limit(1).fetchOne(AREA.ID);
        mvc.perform(get("/api/v1/stairwells/{id}/roster", inside).header("Authorization", "Bearer " + leader.apiToken()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/stairwells/{id}/roster", outside).header("Authorization", "Bearer " + leader.apiToken()))
                .andExpect(status().isNotFound());
    }
}
