package org.haolin.sweep;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.Accounts;
import org.haolin.access.HaolinUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haolin.sweep.SweepFixture.first;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@HaolinTest
class SweepPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTown testTown;
    @Autowired
    SweepRounds rounds;
    @Autowired
    SweepTeams teams;
    @Autowired
    SweepSheets sheets;
    @Autowired
    Accounts accounts;

    SweepFixture f;
    String sheetUrl;

    @BeforeEach
    void setUp() {
        f = SweepFixture.create(testTown, rounds, teams);
        sheetUrl = "/sweeps/" + f.round().id() + "/stairwells/" + f.stairwell();
    }

    @Test
    void aTeamMemberWalksTheSheetRoomByRoomWithStableTestIdsAndMaskedIdentifiers() throws Exception {
        MockHttpServletResponse page = perform(get(sheetUrl), f.town().partyMember1());

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(body(page)).contains("301室", "402室", f.town().names().getFirst(), "在家", "复工外出", "离沪返乡", "搬离",
                        "data-testid=\"mark-present-" + f.resident(0) + "\"", "data-testid=\"complete-stairwell\"",
                        "data-testid=\"toggle-medical-staff-" + f.resident(2) + "\"")
                .doesNotContain(f.town().idNumbers().getFirst(), f.town().phones().getFirst());
    }

    @Test
    void aTapSavesAtOnceShowingWhoMarkedAndASecondTapFromAnOldVersionShowsTheOtherMark() throws Exception {
        MockHttpServletResponse saved = perform(tap(f.resident(0), 0, "presence", "PRESENT"), f.town().partyMember1());
        assertThat(saved.getStatus()).isEqualTo(200);
        assertThat(body(saved)).contains("id=\"line-" + f.resident(0) + "\"", "✓ 在家",
                "data-testid=\"marked-by-" + f.resident(0) + "\"", f.town().partyMember1().displayName(),
                "hx-swap-oob=\"true\"", "name=\"version\" value=\"1\"");

        MockHttpServletResponse refused = perform(tap(f.resident(0), 0, "presence", "LEFT_THE_CITY"), f.town().leader1());
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(body(refused)).contains("data-testid=\"conflict-" + f.resident(0) + "\"",
                f.town().partyMember1().displayName() + " 刚刚已登记了这位居民（在家）");
    }

    @Test
    void completingFromThePageOnceEveryoneIsMarked() throws Exception {
        for (int i = 0; i < 3; i++) {
            perform(tap(f.resident(i), 0, "presence", "PRESENT"), f.town().leader1());
        }
        MockHttpServletResponse done = perform(post(sheetUrl + "/complete").with(csrf()), f.town().leader1());
        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(body(perform(get(sheetUrl), f.town().leader1()))).contains("data-testid=\"stairwell-completed\"");
    }

    @Test
    void aFoundResidentWithABadIdNumberIsShownTheProblemsNamingTheFields() throws Exception {
        MockHttpServletResponse refused = perform(post(sheetUrl + "/residents").with(csrf()).param("name", "赵六")
                .param("idNumber", "31012019850101").param("room", "502"), f.town().leader1());
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(body(refused)).contains("id=\"found-problems\"", "证件号码: ");

        MockHttpServletResponse added = perform(post(sheetUrl + "/residents").with(csrf()).param("name", "赵六")
                .param("idNumber", f.newIdNumber(5)).param("room", "502"), f.town().leader1());
        assertThat(added.getStatus()).isEqualTo(302);
        assertThat(body(perform(get(sheetUrl), f.town().leader1()))).contains("赵六", "502室");
    }

    @Test
    void outsidersGetNotFound() throws Exception {
        assertThat(perform(get(sheetUrl), f.town().leader2()).getStatus()).isEqualTo(404);
        assertThat(perform(get(sheetUrl), testTown.create().townAdmin()).getStatus()).isEqualTo(404);
        assertThat(perform(get("/sweeps/" + f.round().id()), f.town().leader1()).getStatus()).isEqualTo(404);
        assertThat(perform(get("/sweeps/teams/" + f.stairwell()), f.town().partyMember1()).getStatus()).isEqualTo(404);
        teams.assign(f.town().secretary1(), f.stairwell(), TeamRole.PARTY_GROUP_LEADER, null);
        assertThat(perform(get(sheetUrl), f.town().partyMember1()).getStatus()).isEqualTo(404);
        assertThat(perform(tap(f.resident(0), 0, "presence", "PRESENT"), f.town().partyMember1()).getStatus()).isEqualTo(404);
    }

    @Test
    void theOrganiserSeesCoverageTeamsAndOpensRounds() throws Exception {
        sheets.mark(f.town().leader1(), f.round().id(), first(f.resident(0), Presence.OUT_TO_WORK), null);
        String overview = body(perform(get("/sweeps/" + f.round().id()), f.town().secretary1()));
        assertThat(overview).contains("已扫 0 / 应扫 1 个楼道（0%）", "楼组长: " + f.town().leader1().displayName(),
                "data-testid=\"change-status-" + f.resident(0) + "\"", "在住 → 外出", "复工外出");

        String list = body(perform(get("/sweeps"), f.town().townAdmin()));
        assertThat(list).contains("星火居民区", "data-testid=\"open-round-" + f.town().area2().id() + "\"");
        MockHttpServletResponse opened = perform(post("/sweeps").with(csrf()).param("area", String.valueOf(f.town().area2().id())),
                f.town().townAdmin());
        assertThat(opened.getStatus()).isEqualTo(302);
        assertThat(opened.getRedirectedUrl()).startsWith("/sweeps/");
    }

    @Test
    void aTeamMemberFindsTheirStairwellOnTheListAndOrganisersChooseTheTeam() throws Exception {
        assertThat(body(perform(get("/sweeps"), f.town().leader1())))
                .contains("data-testid=\"my-stairwell-" + f.stairwell() + "\"", "5号楼 2单元");

        MockHttpServletResponse saved = perform(post("/sweeps/teams/" + f.stairwell()).with(csrf())
                .param("role", "VOLUNTEER_LEADER").param("account", String.valueOf(f.town().socialWorker1().accountId())),
                f.town().secretary1());
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(body(perform(get("/sweeps/teams/" + f.stairwell()), f.town().secretary1())))
                .contains("志愿服务队长", f.town().socialWorker1().displayName());
    }

    @Test
    void theApiGivesTheOverviewAndSavesMarksOnceByKeyRefusingStaleOnes() throws Exception {
        String mark = "{\"idempotencyKey\":\"phone-%s\",\"residentId\":%d,\"version\":%d,\"presence\":\"%s\",\"occupations\":[\"POLICE\"]}";
        String url = "/api/v1/sweeps/" + f.round().id() + "/marks";
        MockHttpServletResponse saved = api(post(url).content(mark.formatted("a" + f.town().n(), f.resident(0), 0, "PRESENT")),
                f.town().partyMember1());
        assertThat(saved.getStatus()).isEqualTo(200);
        assertThat(body(saved)).contains("\"version\":1", "\"presence\":\"PRESENT\"", "POLICE");

        MockHttpServletResponse retried = api(post(url).content(mark.formatted("a" + f.town().n(), f.resident(0), 0, "PRESENT")),
                f.town().partyMember1());
        assertThat(body(retried)).contains("\"version\":1");

        MockHttpServletResponse stale = api(post(url).content(mark.formatted("b" + f.town().n(), f.resident(0), 0, "MOVED_OUT")),
                f.town().leader1());
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(body(stale)).contains("sweep.mark.conflict", "\"theirs\"",
                "\"markedByName\":\"" + f.town().partyMember1().displayName() + "\"");

        MockHttpServletResponse overview = api(get("/api/v1/sweeps/" + f.round().id()), f.town().secretary1());
        assertThat(overview.getStatus()).isEqualTo(200);
        assertThat(body(overview)).contains("\"coverage\":{\"due\":1,\"swept\":0");
        assertThat(api(get("/api/v1/sweeps/" + f.round().id()), f.town().partyMember1()).getStatus()).isEqualTo(404);
    }

    @Test
    void theStairwellListShowsTheHighlightWithIconTextAndLegendAndTheApiCarriesIt() throws Exception {
        sheets.mark(f.town().leader1(), f.round().id(), first(f.resident(0), Presence.OUT_TO_WORK), null);
        sheets.mark(f.town().leader1(), f.round().id(), first(f.resident(1), Presence.PRESENT), null);
        sheets.mark(f.town().leader1(), f.round().id(), new MarkOrder(f.resident(2), 0, Presence.PRESENT,
                java.util.Set.of(Occupation.MEDICAL_STAFF)), null);
        sheets.complete(f.town().leader1(), f.round().id(), f.stairwell());

        String page = body(perform(get("/stairwells/" + f.stairwell()), f.town().leader1()));
        assertThat(page).contains("id=\"highlight-legend\"", "data-highlight=\"SWEPT_CHANGE\"", "↻ 上次扫楼有变化");
        String json = body(api(get("/api/v1/stairwells/" + f.stairwell() + "/roster"), f.town().leader1()));
        assertThat(json).contains("\"highlight\":\"SWEPT_CHANGE\"");
    }

    private MockHttpServletRequestBuilder tap(long resident, int version, String name, String value) {
        return post(sheetUrl + "/marks").with(csrf()).header("HX-Request", "true")
                .param("resident", String.valueOf(resident)).param("version", String.valueOf(version)).param(name, value);
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, HaolinUser user) throws Exception {
        return mvc.perform(request.with(as(user))).andReturn().getResponse();
    }

    private MockHttpServletResponse api(MockHttpServletRequestBuilder request, HaolinUser user) throws Exception {
        String token = accounts.createToken(user.accountId(), "sweep test");
        return mvc.perform(request.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON))
                .andReturn().getResponse();
    }

    private static RequestPostProcessor as(HaolinUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("SIGNED_IN")));
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
