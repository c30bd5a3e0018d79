package org.haolin.screening;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.Accounts;
import org.haolin.access.HaolinUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import static haolin.schema.Tables.AUDIT_EVENT;
import static haolin.schema.Tables.CAMPAIGN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@HaolinTest
class CampaignPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTown testTown;
    @Autowired
    Campaigns campaigns;
    @Autowired
    Accounts accounts;
    @Autowired
    DSLContext db;

    @Autowired
    JsonMapper json;
    TestTown.Town town;

    @BeforeEach
    void setUp() {
        town = testTown.create();
    }

    @Test
    void anOrganiserPlansFromThePageWithAPointAndItsStaffByUsername() throws Exception {
        LocalDateTime start = LocalDateTime.now().plusDays(1).withSecond(0).withNano(0);
        MockHttpServletResponse planned = page(post("/campaigns").param("type", "NUCLEIC_ACID")
                .param("name", "星火全员核酸").param("area", String.valueOf(town.area1().id()))
                .param("startsAt", start.toString()).param("endsAt", start.plusHours(6).toString())
                .param("pointName", "星火一村南门").param("pointPlace", "南门广场")
                .param("pointArea", String.valueOf(town.compound1().id()))
                .param("leader", town.leader1().username()).param("scanners", town.partyMember1().username()),
                town.secretary1());

        assertThat(planned.getStatus()).isEqualTo(302);
        long id = Long.parseLong(planned.getRedirectedUrl().substring("/campaigns/".length()));
        String show = body(page(get("/campaigns/" + id), town.secretary1()));
        assertThat(show).contains("星火全员核酸", "已计划", "星火一村南门", "点位负责人: " + town.leader1().displayName(),
                "id=\"open-campaign\"", "hx-trigger=\"every 5s\"", "id=\"progress-expected\">3<");
        assertThat(body(page(get("/campaigns"), town.secretary1()))).contains("星火全员核酸", "应检 3 人",
                "id=\"plan-form\"");
    }

    @Test
    void aBadPlanIsShownAgainWithTheFieldNamed() throws Exception {
        LocalDateTime start = LocalDateTime.now().plusDays(1).withSecond(0).withNano(0);
        MockHttpServletResponse refused = page(post("/campaigns").param("type", "NUCLEIC_ACID").param("name", "x")
                .param("area", String.valueOf(town.area1().id())).param("startsAt", start.toString())
                .param("endsAt", start.minusHours(1).toString()), town.secretary1());

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(body(refused)).contains("结束时间：结束时间必须晚于开始时间。", "id=\"plan-form\"");
    }

    @Test
    void openAndCloseFromThePageAndTheProgressPanelRefreshesItself() throws Exception {
        Campaign campaign = CampaignFixture.planned(campaigns, town);
        page(post("/campaigns/" + campaign.id() + "/open"), town.townAdmin());
        CampaignFixture.scan(db, campaign, town.residents().get(3), town.partyMember1());

        String panel = body(page(get("/campaigns/" + campaign.id() + "/progress").param("area",
                String.valueOf(town.area2().id())), town.townAdmin()));
        assertThat(panel).startsWith("<section id=\"progress\"").contains("id=\"progress-sampled\">1<",
                "id=\"progress-expected\">2<", "海韵苑", "hx-get=\"/campaigns/" + campaign.id() + "/progress?area=");
        assertThat(body(page(get("/campaigns/" + campaign.id()), town.townAdmin()))).contains("进行中", "id=\"close-campaign\"",
                "id=\"station-link\"", "id=\"results-link\"", "id=\"positives-link\"");
        page(post("/campaigns/" + campaign.id() + "/close"), town.townAdmin());
        assertThat(db.select(CAMPAIGN.STATE).from(CAMPAIGN).where(CAMPAIGN.ID.eq(campaign.id())).fetchOne().value1())
                .isEqualTo("CLOSED");
        assertThat(body(page(get("/campaigns/" + campaign.id()), town.townAdmin()))).contains("已结束")
                .doesNotContain("hx-trigger=\"every 5s\"");
    }

    @Test
    void theBuildingLeaderReadsTheBuildingListsOnThePhoneWithMaskedNames() throws Exception {
        Campaign campaign = CampaignFixture.planned(campaigns, town);

        MockHttpServletResponse lists = page(get("/campaigns/" + campaign.id() + "/buildings/" + town.building1().id()),
                town.leader1());

        assertThat(lists.getStatus()).isEqualTo(200);
        assertThat(body(lists)).contains("未采：3 人", "data-testid=\"waiting-" + town.residents().get(0) + "\"",
                        "data-testid=\"door-" + town.residents().get(0) + "\"", "80岁以上高龄独居老人", "301")
                .doesNotContain(town.names().get(0), town.idNumbers().get(0));
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACCOUNT_ID.eq(town.leader1().accountId()),
                AUDIT_EVENT.ACTION.eq("LIST"), AUDIT_EVENT.OBJECT_TYPE.eq("CAMPAIGN_BUILDING"))).isEqualTo(1);
    }

    @Test
    void theApiPlansListsAndAnswersProgressAndTheBuildingLists() throws Exception {
        String start = java.time.OffsetDateTime.now().plusHours(2).toString();
        String end = java.time.OffsetDateTime.now().plusHours(9).toString();
        MockHttpServletResponse created = api(post("/api/v1/campaigns").content("""
                {"typeCode":"ANTIGEN","name":"抗原","areaId":%d,"startsAt":"%s","endsAt":"%s",
                 "points":[{"name":"点1","areaId":%d,"staff":[{"accountId":%d,"duty":"SCANNER"}]}]}
                """.formatted(town.town().id(), start, end, town.compound1().id(), town.leader1().accountId())),
                town.townAdmin());
        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode campaign = json.readTree(body(created));
        long id = campaign.get("id").asLong();
        assertThat(campaign.get("expectedCount").asInt()).isEqualTo(5);
        assertThat(campaign.get("tubeSize").asInt()).isEqualTo(1);

        assertThat(json.readTree(body(api(get("/api/v1/campaigns"), town.townAdmin()))).findValues("name").stream().map(JsonNode::asString).toList())
                .contains("抗原");
        JsonNode progress = json.readTree(body(api(get("/api/v1/campaigns/" + id + "/progress")
                .param("areaId", String.valueOf(town.compound1().id())), town.townAdmin())));
        assertThat(progress.at("/totals/expected").asInt()).isEqualTo(3);
        assertThat(progress.at("/parts/0/area/id").asLong()).isEqualTo(town.building1().id());
        JsonNode waiting = json.readTree(body(api(get("/api/v1/campaigns/" + id + "/buildings/"
                + town.building1().id() + "/not-sampled"), town.leader1())));
        assertThat(waiting).hasSize(3);
        assertThat(waiting.get(0).get("room").asString()).isEqualTo("301");
        JsonNode door = json.readTree(body(api(get("/api/v1/campaigns/" + id + "/buildings/"
                + town.building1().id() + "/door-to-door"), town.leader1())));
        assertThat(door).hasSize(1);
        assertThat(api(get("/api/v1/campaigns/" + id + "/buildings/" + town.building1().id() + "/not-sampled"),
                town.leader2()).getStatus()).isEqualTo(404);
        assertThat(api(post("/api/v1/campaigns/" + id + "/open"), town.townAdmin()).getStatus()).isEqualTo(200);
        MockHttpServletResponse again = api(post("/api/v1/campaigns/" + id + "/open"), town.townAdmin());
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(body(again)).contains("screening.campaign.open.notPlanned");
    }

    @Test
    void codeCardsPrintOnePerResidentWithItsQrCodeAndAreAuditedAsAnExport() throws Exception {
        MockHttpServletResponse cards = page(get("/stairwells/" + town.stairwell1().id() + "/code-cards"), town.leader1());

        assertThat(cards.getStatus()).isEqualTo(200);
        String html = body(cards);
        assertThat(html).contains(town.names().get(0), "5号楼 2单元 301", "<svg", "code-cards.css",
                "data-testid=\"card-" + town.residents().get(2) + "\"").doesNotContain(town.idNumbers().get(0));
        assertThat(html.split("class=\"code-card\"", -1)).hasSize(4);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACCOUNT_ID.eq(town.leader1().accountId()),
                AUDIT_EVENT.ACTION.eq("EXPORT"), AUDIT_EVENT.OBJECT_ID.eq(town.stairwell1().id()))).isEqualTo(1);
        assertThat(page(get("/stairwells/" + town.stairwell1().id() + "/code-cards"), town.leader2()).getStatus())
                .isEqualTo(404);
    }

    @Test
    void theResidentPageShowsThePersonalCodeAndAnEditorRevokesAndReissuesIt() throws Exception {
        long resident = town.residents().get(0);
        String before = body(page(get("/residents/" + resident), town.leader1()));
        String code = between(before, "id=\"personal-code-text\">", "<");
        assertThat(code).startsWith("HL");
        assertThat(before).contains("id=\"reissue-code\"");

        MockHttpServletResponse reissued = page(post("/residents/" + resident + "/personal-code")
                .param("reason", "卡片遗失"), town.leader1());
        assertThat(reissued.getStatus()).isEqualTo(302);
        String after = between(body(page(get("/residents/" + resident), town.leader1())), "id=\"personal-code-text\">", "<");
        assertThat(after).startsWith("HL").isNotEqualTo(code);
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from) + from.length();
        return text.substring(start, text.indexOf(to, start));
    }

    private MockHttpServletResponse page(MockHttpServletRequestBuilder request, HaolinUser user) throws Exception {
        return mvc.perform(request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("SIGNED_IN")))).with(csrf())).andReturn().getResponse();
    }

    private MockHttpServletResponse api(MockHttpServletRequestBuilder request, HaolinUser user) throws Exception {
        String token = accounts.createToken(user.accountId(), "campaign test");
        return mvc.perform(request.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON))
                .andReturn().getResponse();
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
