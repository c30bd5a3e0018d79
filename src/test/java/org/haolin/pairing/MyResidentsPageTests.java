package org.haolin.pairing;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.HaolinUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static haolin.schema.Tables.CHECK_IN;
import static haolin.schema.Tables.WISH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The helper's phone page: their residents, recording a contact once even when the form is sent twice; the
 * need written down becomes one wish.
 */
@HaolinTest
class MyResidentsPageTests {

    @Autowired
    TestTown testTown;
    @Autowired
    MockMvc mvc;
    @Autowired
    Pairings pairings;
    @Autowired
    DSLContext db;

    TestTown.Town town;
    long elderly;

    @BeforeEach
    void setUp() {
        town = testTown.create();
        elderly = town.residents().getFirst(); // 80+ living alone: due every day
        pairings.pair(town.secretary1(), elderly, town.partyMember1().accountId());
    }

    @Test
    void theHelperSeesTheirResidentAndAContactSentTwiceIsRecordedOnce() throws Exception {
        String page = as(town.partyMember1(), get("/my-residents")).getContentAsString();
        assertThat(page).contains(town.names().getFirst(), "80岁以上高龄独居老人", "data-testid=\"record-" + elderly + "\"")
                .doesNotContain(town.idNumbers().getFirst()).doesNotContain(town.names().get(1));

        for (int i = 0; i < 2; i++) {
            MockHttpServletResponse saved = as(town.partyMember1(), contact("HOME_VISIT", "page-key-" + town.n()));
            assertThat(saved.getRedirectedUrl()).isEqualTo("/my-residents#resident-" + elderly);
        }
        assertThat(db.fetchCount(CHECK_IN, CHECK_IN.RESIDENT_ID.eq(elderly))).isEqualTo(1);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                db.fetchCount(WISH, WISH.RESIDENT_ID.eq(elderly), WISH.DESCRIPTION.eq("需要买药")) == 1);
        assertThat(as(town.partyMember1(), get("/my-residents")).getContentAsString()).contains("上次联系", "需要帮助");
    }

    @Test
    void anIncompleteContactIsRefusedWithTheReasonAndNobodyElseCanRecordForTheResident() throws Exception {
        MockHttpServletResponse incomplete = as(town.partyMember1(), post("/my-residents/check-ins")
                .param("residentId", String.valueOf(elderly)).param("key", "page-key-x-" + town.n())
                .param("wellbeing", "FINE"));
        assertThat(incomplete.getStatus()).isEqualTo(400);
        assertThat(incomplete.getContentAsString()).contains("id=\"problem\"");

        for (HaolinUser outsider : new HaolinUser[] {town.leader2(), testTown.create().partyMember1(), town.claimer()}) {
            assertThat(as(outsider, contact("PHONE", "page-key-o-" + outsider.accountId())).getStatus())
                    .as(outsider.username()).isIn(403, 404);
            assertThat(as(outsider, get("/my-residents")).getContentAsString()).doesNotContain(town.names().getFirst());
        }
        assertThat(db.fetchCount(CHECK_IN, CHECK_IN.RESIDENT_ID.eq(elderly))).isZero();
    }

    private MockHttpServletRequestBuilder contact(String channel, String key) {
        return post("/my-residents/check-ins").param("residentId", String.valueOf(elderly)).param("channel", channel)
                .param("wellbeing", "NEEDS_HELP").param("need", "需要买药").param("key", key);
    }

    private MockHttpServletResponse as(HaolinUser user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).with(authentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, AuthorityUtils.createAuthorityList("SIGNED_IN"))))).andReturn().getResponse();
    }
}
