package org.haolin.workforce;

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

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HaolinTest
class WorkforcePagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTown testTown;
    @Autowired
    WorkforceRegister register;

    TestTown.Town town;

    @BeforeEach
    void setUp() {
        town = testTown.create();
    }

    private static RequestPostProcessor as(HaolinUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("SIGNED_IN")));
    }

    @Test
    void aSecretaryAddsAPersonOnTheAreaPageAndSeesTheMaskedPhone() throws Exception {
        mvc.perform(post("/workforce/areas/" + town.area1().id() + "/people").with(as(town.secretary1())).with(csrf())
                        .param("name", "周红").param("rankCode", "SOCIAL_WORKER").param("skills", "医护 驾驶")
                        .param("phone", "13912345678").param("partyRegistered", "true").param("maxHoursWeek", "40"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/workforce/areas/" + town.area1().id()));

        mvc.perform(get("/workforce/areas/" + town.area1().id()).with(as(town.secretary1())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("周红")))
                .andExpect(content().string(containsString("139****5678")))
                .andExpect(content().string(containsString("社工")))
                .andExpect(content().string(containsString("星火居民区党组织")))
                .andExpect(content().string(not(containsString("13912345678"))));
        mvc.perform(get("/workforce/areas/" + town.area1().id()).param("lang", "en").with(as(town.secretary1())))
                .andExpect(content().string(containsString("Social worker")));
    }

    @Test
    void aWrongFieldRedrawsTheFormNamingIt() throws Exception {
        mvc.perform(post("/workforce/areas/" + town.area1().id() + "/people").with(as(town.secretary1())).with(csrf())
                        .param("name", "周红").param("phone", "123"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("联系电话")));
    }

    @Test
    void thePersonPageAndApiAnswerOnlyInScope() throws Exception {
        long id = register.add(town.secretary1(), town.area1().id(), new PersonForm("周红", null, null, "13912345678",
                null, null, null, null, List.of(), null, null));

        mvc.perform(get("/workforce/people/" + id).with(as(town.secretary1()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("139****5678")));
        mvc.perform(post("/workforce/people/" + id + "/unmask").with(as(town.secretary1())).with(csrf())
                        .param("reason", "shift call"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("13912345678")));
        mvc.perform(get("/workforce/people/" + id).with(as(testTown.create().secretary1())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/workforce/people/" + id).with(as(town.leader1()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/workforce/people/" + id).with(as(town.secretary1())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.phoneMasked").value("139****5678"))
                .andExpect(content().string(not(containsString("13912345678"))));
    }

    @Test
    void volunteerPagesAndTheProtectionStandardRender() throws Exception {
        mvc.perform(get("/volunteers").with(as(town.secretary1()))).andExpect(status().isOk());
        mvc.perform(get("/volunteers/recruit").param("area", String.valueOf(town.stairwell1().id()))
                .param("minAge", "70").param("maxAge", "80").with(as(town.secretary1())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("candidate-" + town.residents().get(1))))
                .andExpect(content().string(not(containsString(town.names().get(1)))));
        mvc.perform(post("/volunteers/recruit").with(as(town.secretary1())).with(csrf())
                        .param("resident", String.valueOf(town.residents().get(1))).param("consent", "WRITTEN"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/volunteers").with(as(town.secretary1())))
                .andExpect(content().string(containsString(town.names().get(1))))
                .andExpect(content().string(containsString("书面同意")));
        mvc.perform(get("/protection-standard").with(as(town.socialWorker1()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("N95")));
        mvc.perform(get("/protection-standard").with(as(town.volunteer1()))).andExpect(status().isForbidden());
    }

    @Test
    void theOverviewAndTheApiListTheAreasPeople() throws Exception {
        long party = register.area(town.secretary1(), town.area1().id()).organisations().getFirst().id();
        long id = register.add(town.secretary1(), town.area1().id(), new PersonForm("周红", null, null, null,
                null, null, null, null, List.of(party), null, null));
        register.add(town.secretary1(), town.area1().id(), new PersonForm("吴刚", null, null, null,
                null, null, null, null, List.of(party), null, null));

        mvc.perform(get("/workforce").param("lang", "en").with(as(town.secretary1()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("星火居民区")))
                .andExpect(content().string(containsString("吴刚、周红")))
                .andExpect(content().string(not(containsString("海韵居民区"))));
        mvc.perform(get("/api/v1/workforce/areas/" + town.area1().id() + "/people").with(as(town.secretary1())))
                .andExpect(status().isOk()).andExpect(jsonPath("$[1].id").value(id));
        mvc.perform(get("/api/v1/workforce/areas/" + town.stairwell1().id() + "/candidates")
                        .param("minAge", "70").param("maxAge", "80").with(as(town.secretary1())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2))
                .andExpect(content().string(not(containsString(town.names().getFirst()))));
        mvc.perform(get("/api/v1/workforce/areas/" + town.area1().id() + "/people").with(as(town.leader2())))
                .andExpect(status().isNotFound());
    }
}
