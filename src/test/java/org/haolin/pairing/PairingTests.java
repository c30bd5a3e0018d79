package org.haolin.pairing;

import org.haolin.HaolinTest;
import org.haolin.MovableClock;
import org.haolin.TestTown;
import org.haolin.access.HaolinUser;
import org.haolin.platform.DomainException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.util.List;

import static haolin.schema.Tables.CHECK_IN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HaolinTest
class PairingTests {

    @Autowired
    TestTown testTown;
    @Autowired
    Pairings pairings;
    @Autowired
    CheckIns checkIns;
    @Autowired
    MovableClock clock;
    @Autowired
    org.jooq.DSLContext db;
    @Autowired
    MockMvc mvc;

    TestTown.Town town;
    long elderly; // ELDERLY_80_LIVING_ALONE in area 1: checked in every day

    @BeforeEach
    void setUp() {
        town = testTown.create();
        elderly = town.residents().getFirst();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void coverageCountsResidentsWithHardshipTagsAndPairingMovesThemToPaired() {
        AreaPairingCoverage before = area1(pairings.coverage(town.secretary1()));
        assertThat(before.listed()).isEqualTo(1);
        assertThat(before.paired()).isZero();

        List<UnpairedResident> unpaired = pairings.unpaired(town.secretary1(), town.area1().id());
        assertThat(unpaired).extracting(UnpairedResident::residentId).containsExactly(elderly);
        assertThat(unpaired.getFirst().suggestions()).extracting(Helper::accountId)
                .contains(town.partyMember1().accountId())
                .doesNotContain(town.leader2().accountId(), town.claimer().accountId());

        pairings.pair(town.secretary1(), elderly, town.partyMember1().accountId());
        AreaPairingCoverage after = area1(pairings.coverage(town.secretary1()));
        assertThat(after.paired()).isEqualTo(1);
        assertThat(after.unpaired()).isZero();
    }

    @Test
    void suggestionsPreferTheLeastLoadedAndAcceptingPairsEveryone() {
        assertThat(pairings.acceptSuggestions(town.secretary1(), town.area1().id())).isEqualTo(1);
        assertThat(pairings.unpaired(town.secretary1(), town.area1().id())).isEmpty();
    }

    @Test
    void aHelperOutsideTheResidentsAreaCannotBePaired() {
        assertThatThrownBy(() -> pairings.pair(town.secretary1(), elderly, town.leader2().accountId()))
                .isInstanceOf(DomainException.class).hasMessageContaining("pairing.helper.notEligible");
    }

    @Test
    void changingTheHelperKeepsTheHistory() {
        pairings.pair(town.secretary1(), elderly, town.partyMember1().accountId());
        pairings.pair(town.secretary1(), elderly, town.socialWorker1().accountId());
        List<Pairing> history = pairings.history(town.secretary1(), elderly);
        assertThat(history).hasSize(2);
        assertThat(history.getFirst().current()).isTrue();
        assertThat(history.getFirst().helperId()).isEqualTo(town.socialWorker1().accountId());
        assertThat(history.get(1).endedAt()).isNotNull();
        assertThat(checkIns.myResidents(town.partyMember1())).isEmpty();
    }

    @Test
    void theStrictestTagSetsTheFrequencyAndAPairingPastItsDueTimeIsOverdueUntilACheckIn() {
        pairings.pair(town.secretary1(), elderly, town.partyMember1().accountId());
        PairedResident fresh = checkIns.myResidents(town.partyMember1()).getFirst();
        assertThat(fresh.overdue()).isFalse();
        assertThat(pairings.history(town.secretary1(), elderly).getFirst().frequencyDays()).isEqualTo(1);

        clock.advance(Duration.ofHours(25));
        assertThat(checkIns.myResidents(town.partyMember1()).getFirst().overdue()).isTrue();
        assertThat(checkIns.overdue(town.secretary1(), 0).lines()).extracting(PairedResident::residentId).containsExactly(elderly);

        checkIns.record(town.partyMember1(), new NewCheckIn(elderly, Channel.HOME_VISIT, null, Wellbeing.FINE,
                "well", null), "key-" + town.n() + "-a");
        PairedResident after = checkIns.myResidents(town.partyMember1()).getFirst();
        assertThat(after.overdue()).isFalse();
        assertThat(after.lastWellbeing()).isEqualTo(Wellbeing.FINE);
        assertThat(checkIns.overdue(town.secretary1(), 0).total()).isZero();
    }

    @Test
    void aRetriedCheckInIsRecordedOnce() {
        pairings.pair(town.secretary1(), elderly, town.partyMember1().accountId());
        NewCheckIn visit = new NewCheckIn(elderly, Channel.PHONE, null, Wellbeing.NEEDS_HELP, null, "需要配药");
        CheckIn first = checkIns.record(town.partyMember1(), visit, "retry-" + town.n());
        CheckIn again = checkIns.record(town.partyMember1(), visit, "retry-" + town.n());
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(db.fetchCount(CHECK_IN, CHECK_IN.RESIDENT_ID.eq(elderly))).isEqualTo(1);
        assertThat(first.need()).isEqualTo("需要配药");
    }

    @Test
    void onlyTheCurrentHelperRecordsCheckIns() {
        pairings.pair(town.secretary1(), elderly, town.partyMember1().accountId());
        assertThatThrownBy(() -> checkIns.record(town.socialWorker1(), new NewCheckIn(elderly, Channel.PHONE, null,
                Wellbeing.FINE, null, null), "other-" + town.n()))
                .isInstanceOf(DomainException.class).hasMessageContaining("pairing.resident.notFound");
    }

    @Test
    void anotherTownsStaffGetNotFound() throws Exception {
        pairings.pair(town.secretary1(), elderly, town.partyMember1().accountId());
        HaolinUser stranger = testTown.create().townAdmin();
        mvc.perform(get("/api/v1/pairings/residents/" + elderly).with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/pairings/residents/" + elderly).with(as(town.townAdmin()))).andExpect(status().isOk());
        assertThat(checkIns.overdue(stranger, 0).total()).isZero();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(HaolinUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("SIGNED_IN")));
    }

    private AreaPairingCoverage area1(List<AreaPairingCoverage> coverage) {
        return coverage.stream().filter(c -> c.areaId() == town.area1().id()).findFirst().orElseThrow();
    }
}
