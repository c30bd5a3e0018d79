package org.haolin.pairing;

import org.haolin.HaolinTest;
import org.haolin.MovableClock;
import org.haolin.TestTown;
import org.haolin.access.HaolinUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Staff pair residents on the pages: coverage per area, unpaired residents with suggested helpers. */
@HaolinTest
class PairingPagesTests {

    @Autowired
    TestTown testTown;
    @Autowired
    MockMvc mvc;
    @Autowired
    Pairings pairings;
    @Autowired
    MovableClock clock;

    TestTown.Town town;

    @BeforeEach
    void setUp() {
        town = testTown.create();
    }

    @Test
    void aSecretarySeesCoverageAndPairsTheUnpairedResidentWithTheSuggestedHelper() throws Exception {
        assertThat(as(town.secretary1(), get("/pairings")).getContentAsString())
                .contains("id=\"coverage-" + town.area1().id() + "\"", "星火居民区");
        long elderly = town.residents().getFirst();
        String area = as(town.secretary1(), get("/pairings/areas/{id}", town.area1().id())).getContentAsString();
        assertThat(area).contains("星火居民区：应结对 1 人，已结对 0 人", "id=\"unpaired-" + elderly + "\"",
                town.partyMember1().displayName());

        MockHttpServletResponse paired = as(town.secretary1(), post("/pairings/areas/{id}/pairs", town.area1().id())
                .param("residentId", String.valueOf(elderly)).param("helperId", String.valueOf(town.partyMember1().accountId())));
        assertThat(paired.getRedirectedUrl()).isEqualTo("/pairings/areas/" + town.area1().id());
        assertThat(as(town.secretary1(), get("/pairings/areas/{id}", town.area1().id())).getContentAsString())
                .contains("应结对 1 人，已结对 1 人", "id=\"all-paired\"");
    }

    @Test
    void anotherAreaOrTownAnswersNotFoundAndHelpersCannotPair() throws Exception {
        assertThat(as(town.secretary1(), get("/pairings/areas/{id}", town.area2().id())).getStatus()).isEqualTo(404);
        TestTown.Town other = testTown.create();
        MockHttpServletResponse foreign = as(other.secretary1(), post("/pairings/areas/{id}/pairs", town.area1().id())
                .param("residentId", String.valueOf(town.residents().getFirst()))
                .param("helperId", String.valueOf(other.partyMember1().accountId())));
        assertThat(foreign.getStatus()).isEqualTo(404);
        assertThat(as(town.partyMember1(), get("/pairings/areas/{id}", town.area1().id())).getStatus()).isIn(403, 404);
        assertThat(pairings.coverage(town.secretary1()).getFirst().paired()).isZero();
    }

    @Test
    void theOverdueListShowsAnOverduePairingToTheAreasStaffOnlyAndRefusesABadPage() throws Exception {
        long elderly = town.residents().getFirst();
        pairings.pair(town.secretary1(), elderly, town.partyMember1().accountId());
        clock.advance(Duration.ofHours(25));
        try {
            String list = as(town.secretary1(), get("/pairings/overdue")).getContentAsString();
            assertThat(list).contains("共 1 个结对逾期", "id=\"resident-" + elderly + "\"", town.names().getFirst(),
                    "结对人：" + town.partyMember1().displayName());
            assertThat(as(town.secretary1(), get("/pairings/overdue").param("page", "-1")).getStatus()).isEqualTo(400);
            TestTown.Town other = testTown.create();
            assertThat(as(other.secretary1(), get("/pairings/overdue")).getContentAsString())
                    .contains("id=\"none-overdue\"").doesNotContain(town.names().getFirst());
        } finally {
            clock.reset();
        }
    }

    private MockHttpServletResponse as(HaolinUser user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).with(authentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, AuthorityUtils.createAuthorityList("SIGNED_IN"))))).andReturn().getResponse();
    }
}
