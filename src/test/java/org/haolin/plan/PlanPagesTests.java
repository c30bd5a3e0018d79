package org.haolin.plan;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.Accounts;
import org.haolin.access.HaolinUser;
import org.haolin.area.AreaTree;
import org.haolin.area.ZoneLevel;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import static haolin.schema.Tables.COMPOUND_PLAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The plan pages as a secretary uses them: start a plan, add a post, publish, see short posts, print; the API. */
@HaolinTest
class PlanPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTown testTown;
    @Autowired
    AreaTree areas;
    @Autowired
    DSLContext db;
    @Autowired
    Accounts accounts;
    @Autowired
    Clock clock;

    TestTown.Town t;
    long leader;
    long member;

    @BeforeEach
    void setUp() {
        t = testTown.create();
        PlanFixture fixture = new PlanFixture(db, accounts);
        leader = fixture.person(t.area1(), "王点位长");
        member = fixture.person(t.area1(), "李志愿者");
    }

    @Test
    void aSecretaryWritesPublishesAndSeesShortPostsAfterAZoneChange() throws Exception {
        long compound = t.compound1().id();
        mvc.perform(post("/plans/compounds/" + compound + "/versions").with(as(t.secretary1())).with(csrf()))
                .andExpect(redirectedUrl("/plans/compounds/" + compound));
        long plan = db.select(COMPOUND_PLAN.ID).from(COMPOUND_PLAN).where(COMPOUND_PLAN.AREA_ID.eq(compound))
                .fetchSingle(COMPOUND_PLAN.ID);
        assertThat(page("/plans/" + plan + "/edit", t.secretary1())).contains("王点位长", "门岗值守", "新增岗位");

        String refused = mvc.perform(gatePost(plan, 0, " ")).andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("请填写岗位名称", "东门");
        mvc.perform(gatePost(plan, 0, "东门岗")).andExpect(redirectedUrl("/plans/" + plan + "/edit"));
        mvc.perform(post("/plans/" + plan + "/publish").with(as(t.secretary1())).with(csrf())
                        .param("version", "1").param("effectiveFrom", LocalDate.now(clock).toString()))
                .andExpect(redirectedUrl("/plans/compounds/" + compound));

        String before = page("/plans/compounds/" + compound, t.secretary1());
        assertThat(before).contains("东门岗", "李志愿者、王点位长", "人员已配齐").doesNotContain("data-testid=\"short\"");

        areas.changeZoneLevel(t.epidemicOffice(), compound, ZoneLevel.SEALED, "发现阳性");

        String after = page("/plans/compounds/" + compound, t.secretary1());
        assertThat(after).contains("当前管控等级：封控区", "data-testid=\"short\"", "缺人：在岗 2 人，需 4 人");
        assertThat(page("/plans", t.secretary1())).contains("星火一村", "1 个岗位缺人", "href=\"/plans\"");
        assertThat(page("/plans/compounds/" + compound + "?lang=en", t.secretary1()))
                .contains("Short of people: 2 on duty, 4 needed");

        String print = page("/plans/" + plan + "/print", t.secretary1());
        assertThat(print).contains("星火一村 小区防控方案", "东门岗", "王点位长", "李志愿者、王点位长", "测温、验码、登记",
                "/css/plan-print.css", LocalDate.now(clock).toString());
        assertThat(mvc.perform(get("/css/plan-print.css")).andReturn().getResponse().getContentAsString())
                .contains("@page { size: A4");

        String token = accounts.createToken(t.secretary1().accountId(), "plans");
        mvc.perform(get("/api/v1/plans/compounds/" + compound).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.inForce.posts[0].name").value("东门岗"))
                .andExpect(jsonPath("$.inForce.posts[0].staffing.SEALED").value(4))
                .andExpect(jsonPath("$.shortPostIds.length()").value(1));
        mvc.perform(get("/api/v1/plans/shortages").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.posts[0].postName").value("东门岗"))
                .andExpect(jsonPath("$.posts[0].needed").value(4)).andExpect(jsonPath("$.posts[0].on").value(2))
                .andExpect(jsonPath("$.perArea[0].shortPosts").value(1));
    }

    @Test
    void outsidersGetNotFoundAndNoNavEntry() throws Exception {
        long compound = t.compound1().id();
        mvc.perform(post("/plans/compounds/" + compound + "/versions").with(as(t.secretary1())).with(csrf()));
        long plan = db.select(COMPOUND_PLAN.ID).from(COMPOUND_PLAN).where(COMPOUND_PLAN.AREA_ID.eq(compound))
                .fetchSingle(COMPOUND_PLAN.ID);
        HaolinUser foreign = testTown.create().townAdmin();
        for (String url : new String[] {"/plans/compounds/" + compound, "/plans/" + plan + "/print",
                "/plans/" + plan + "/edit"}) {
            mvc.perform(get(url).with(as(foreign))).andExpect(status().isNotFound());
        }
        String token = accounts.createToken(foreign.accountId(), "plans");
        mvc.perform(get("/api/v1/plans/compounds/" + compound).header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound());
        assertThat(page("/plans", foreign)).doesNotContain("data-compound=\"" + compound + "\"").contains("href=\"/plans\"");
        assertThat(page("/plans/compounds/" + compound, t.socialWorker1())).doesNotContain("id=\"new-version\"")
                .doesNotContain("id=\"edit-draft\"");
        mvc.perform(get("/plans/" + plan + "/edit").with(as(t.socialWorker1()))).andExpect(status().isForbidden());
        assertThat(page("/cockpit", t.socialWorker1())).doesNotContain("href=\"/plans\"");
    }

    private org.springframework.test.web.servlet.RequestBuilder gatePost(long plan, int version, String name) {
        return post("/plans/" + plan + "/posts").with(as(t.secretary1())).with(csrf())
                .param("version", String.valueOf(version)).param("typeCode", "GATE_DUTY").param("name", name)
                .param("place", "东门").param("duties", "测温、验码、登记").param("leaderPersonId", String.valueOf(leader))
                .param("shiftStart", "07:00").param("shiftEnd", "19:00").param("normal", "1").param("sealed", "4")
                .param("members", String.valueOf(leader), String.valueOf(member));
    }

    private String page(String url, HaolinUser user) throws Exception {
        return mvc.perform(get(url).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static RequestPostProcessor as(HaolinUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("SIGNED_IN")));
    }
}
