package org.haolin.resident;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.HaolinUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HaolinTest
class ResidentPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTown testTown;

    TestTown.Town town;

    @BeforeEach
    void setUp() {
        town = testTown.create();
    }

    static RequestPostProcessor as(HaolinUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("SIGNED_IN")));
    }

    @Test
    void theStairwellListShowsResidentsInChineseWithMaskedIdentifiers() throws Exception {
        String page = mvc.perform(get("/stairwells/{id}", town.stairwell1().id()).with(as(town.leader1())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("楼道动态名单", town.names().getFirst(), "80岁以上高龄独居老人", "301")
                .doesNotContain(town.idNumbers().getFirst(), town.phones().getFirst());
    }

    @Test
    void englishOnRequest() throws Exception {
        mvc.perform(get("/stairwells/{id}", town.stairwell1().id()).param("lang", "en").with(as(town.leader1())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Stairwell list")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Aged 80+ living alone")));
    }

    @Test
    void zoneLevelsShowOnBuildingsButNotOnStairwells() throws Exception {
        String page = mvc.perform(get("/areas/{id}", town.building1().id()).with(as(town.leader1())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("zone-NORMAL", "防控等级尚未调整过");
        String children = page.substring(page.indexOf("id=\"children\""), page.indexOf("</div>", page.indexOf("id=\"children\"")));
        assertThat(children).contains(town.stairwell1().name()).doesNotContain("zone-");
    }

    @Test
    void pagesStayChineseWhateverTheBrowserPrefers() throws Exception {
        mvc.perform(get("/stairwells/{id}", town.stairwell1().id()).header("Accept-Language", "en-US")
                        .with(as(town.leader1())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("楼道动态名单")));
    }

    @Test
    void anotherBuildingsLeaderGetsNotFound() throws Exception {
        mvc.perform(get("/stairwells/{id}", town.stairwell1().id()).with(as(town.leader2())))
                .andExpect(status().isNotFound());
    }

    @Test
    void addingATagFromTheResidentPageShowsOnTheList() throws Exception {
        long residentId = town.residents().get(1);
        mvc.perform(post("/residents/{id}/tags", residentId).param("tag", "NEEDS_DOOR_TO_DOOR_TESTING")
                .with(as(town.leader1())).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/stairwells/{id}", town.stairwell1().id()).with(as(town.leader1())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("需上门检测")));
    }

    @Test
    void unknownTagIsRefusedWithAMessageNamingIt() throws Exception {
        mvc.perform(post("/residents/{id}/tags", town.residents().get(1)).param("tag", "NO_SUCH_TAG")
                        .with(as(town.leader1())).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("NO_SUCH_TAG")));
    }

    @Test
    void unmaskShowsTheFullNumberOnlyToRolesThatMay() throws Exception {
        long residentId = town.residents().getFirst();
        mvc.perform(post("/residents/{id}/unmask", residentId).param("reason", "医院需要核对")
                        .with(as(town.secretary1())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(town.idNumbers().getFirst())));
        mvc.perform(post("/residents/{id}/unmask", residentId).param("reason", "想看看")
                        .with(as(town.leader1())).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString(town.idNumbers().getFirst()))));
    }
}
