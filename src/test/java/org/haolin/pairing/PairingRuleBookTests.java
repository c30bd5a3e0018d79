package org.haolin.pairing;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.platform.DomainException;
import org.haolin.resident.CurrentTag;
import org.haolin.resident.Residents;
import org.haolin.resident.TagSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HaolinTest
class PairingRuleBookTests {

    @Autowired
    TestTown testTown;
    @Autowired
    PairingRuleBook ruleBook;
    @Autowired
    Pairings pairings;
    @Autowired
    Residents residents;
    @Autowired
    MockMvc mvc;

    TestTown.Town town;
    long elderly;   // area 1, ELDERLY_80_LIVING_ALONE (daily)
    long neighbour; // area 1, no hardship tag

    @BeforeEach
    void setUp() {
        town = testTown.create();
        elderly = town.residents().get(0);
        neighbour = town.residents().get(1);
    }

    @Test
    void anAreasExtraTagListsItsResidentsForPairingAndOnlyThere() {
        residents.addTag(town.townAdmin(), neighbour, "DISCHARGED_FROM_HOSPITAL", null, TagSource.MANUAL, null);
        long area2Resident = town.residents().get(4);
        residents.addTag(town.townAdmin(), area2Resident, "DISCHARGED_FROM_HOSPITAL", null, TagSource.MANUAL, null);
        assertThat(listed(town.area1().id())).isEqualTo(1);

        ruleBook.addExtraTag(town.secretary1(), town.area1().id(), "DISCHARGED_FROM_HOSPITAL");
        ruleBook.addExtraTag(town.secretary1(), town.area1().id(), "DISCHARGED_FROM_HOSPITAL"); // again: no change

        assertThat(listed(town.area1().id())).isEqualTo(2);
        assertThat(pairings.unpaired(town.townAdmin(), town.area2().id())).extracting(UnpairedResident::residentId)
                .doesNotContain(area2Resident);
        assertThat(ruleBook.extraTags(town.secretary1())).singleElement()
                .satisfies(a -> assertThat(a.tags()).extracting(t -> t.code()).containsExactly("DISCHARGED_FROM_HOSPITAL"));

        ruleBook.removeExtraTag(town.secretary1(), town.area1().id(), "DISCHARGED_FROM_HOSPITAL");
        assertThat(listed(town.area1().id())).isEqualTo(1);
    }

    @Test
    void aFrequencyChangeMovesTheDueTimesOfCurrentPairings() {
        residents.addTag(town.townAdmin(), neighbour, "SCATTERED_ORPHAN", null, TagSource.MANUAL, null);
        pairings.pair(town.secretary1(), neighbour, town.partyMember1().accountId());
        Pairing before = pairings.history(town.secretary1(), neighbour).getFirst();
        assertThat(before.frequencyDays()).isEqualTo(7);
        try {
            ruleBook.setFrequency(town.townAdmin(), "SCATTERED_ORPHAN", 2);
            Pairing after = pairings.history(town.secretary1(), neighbour).getFirst();
            assertThat(after.frequencyDays()).isEqualTo(2);
            assertThat(Duration.between(after.startedAt(), after.dueAt())).isEqualTo(Duration.ofDays(2));
        } finally {
            ruleBook.setFrequency(town.townAdmin(), "SCATTERED_ORPHAN", 7);
        }
    }

    @Test
    void whenAResidentsTagEndsTheirPairingFallsBackToTheNextStrictestFrequency() {
        pairings.pair(town.secretary1(), elderly, town.partyMember1().accountId());
        assertThat(pairings.history(town.secretary1(), elderly).getFirst().frequencyDays()).isEqualTo(1);
        CurrentTag livingAlone = residents.detail(town.townAdmin(), elderly).tagHistory().stream()
                .filter(t -> t.code().equals("ELDERLY_80_LIVING_ALONE") && t.endedAt() == null).findFirst().orElseThrow();

        residents.endTag(town.townAdmin(), elderly, livingAlone.assignmentId(), "moved in with family");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(pairings.history(town.secretary1(), elderly).getFirst().frequencyDays()).isEqualTo(7));
    }

    @Test
    void outsidersAndBadValuesAreRefused() {
        assertThatThrownBy(() -> ruleBook.addExtraTag(town.secretary1(), town.area2().id(), "RECOVERED_POSITIVE"))
                .isInstanceOf(DomainException.class).hasMessageContaining("area.notFound");
        assertThatThrownBy(() -> ruleBook.addExtraTag(town.secretary1(), town.area1().id(), "ELDERLY_80_LIVING_ALONE"))
                .isInstanceOf(DomainException.class).hasMessageContaining("pairing.rules.extra.hardship");
        assertThatThrownBy(() -> ruleBook.setFrequency(town.secretary1(), "ELDERLY_80_LIVING_ALONE", 3))
                .isInstanceOf(DomainException.class).hasMessageContaining("access.denied");
        assertThatThrownBy(() -> ruleBook.setFrequency(town.townAdmin(), "ELDERLY_80_LIVING_ALONE", 0))
                .isInstanceOf(DomainException.class).hasMessageContaining("pairing.rules.everyDays.invalid");
        assertThat(ruleBook.extraTags(town.leader1())).isEmpty();
    }

    @Test
    void theRulesPageShowsFrequenciesAndExplainsABadValueInPlace() throws Exception {
        mvc.perform(get("/pairings/rules").with(as(town.townAdmin())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("frequency-ELDERLY_80_LIVING_ALONE")));
        mvc.perform(post("/pairings/rules/frequencies").param("tagCode", "ELDERLY_80_LIVING_ALONE")
                        .param("everyDays", "400").with(as(town.townAdmin())).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("1 到 365")));
        mvc.perform(post("/pairings/rules/areas/{a}/extra-tags", town.area2().id()).param("tagCode", "RECOVERED_POSITIVE")
                        .with(as(town.secretary1())).with(csrf()))
                .andExpect(status().isNotFound());
    }

    private int listed(long areaId) {
        return pairings.coverage(town.townAdmin()).stream().filter(a -> a.areaId() == areaId).findFirst()
                .orElseThrow().listed();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(org.haolin.access.HaolinUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("SIGNED_IN")));
    }
}
