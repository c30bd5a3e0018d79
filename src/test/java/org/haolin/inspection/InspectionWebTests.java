package org.haolin.inspection;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.Accounts;
import org.haolin.access.HaolinUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static haolin.schema.Tables.INSPECTION_VISIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@HaolinTest
class InspectionWebTests {

    @Autowired
    TestTown testTown;
    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Rectifications rectifications;
    @Autowired
    org.jooq.DSLContext db;

    TestTown.Town t;

    @BeforeEach
    void setUp() {
        t = testTown.create();
    }

    @Test
    void aSupervisorRecordsAVisitOnThePhoneFormAndTheOwnerReportsItDone() throws Exception {
        String form = page(get("/inspection/areas/" + t.area1().id() + "/visits/new"), t.supervisor1(), 200);
        assertThat(form).contains("Gate duty", "Disinfection", t.secretary1().displayName(), "name=\"clientId\"");
        String visits = "/inspection/areas/" + t.area1().id() + "/visits";
        String saved = mvc.perform(post(visits).with(as(t.supervisor1())).with(csrf())
                        .param("clientId", UUID.randomUUID().toString())
                        .param("result_GATE_DUTY", "FINDING").param("note_GATE_DUTY", "北门无人值守")
                        .param("result_SUPPLIES", "OK").param("note", "夜查"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(saved).isEqualTo("/inspection/areas/" + t.area1().id());
        String area = page(get("/inspection/areas/" + t.area1().id()), t.supervisor1(), 200);
        assertThat(area).contains("Problems found: 1", "夜查");
        long visitId = db.select(INSPECTION_VISIT.ID).from(INSPECTION_VISIT)
                .where(INSPECTION_VISIT.AREA_ID.eq(t.area1().id())).fetchOne().value1();
        assertThat(page(get("/inspection/visits/" + visitId), t.supervisor1(), 200))
                .contains("北门无人值守", "Problem", "Not checked", "#task-");

        assertThat(page(get("/inspection"), t.secretary1(), 302)).isEmpty();
        String mine = page(get("/inspection/tasks"), t.secretary1(), 200);
        assertThat(mine).contains("北门无人值守", "Report done").doesNotContain("Verified: close");
        long task = rectifications.tasks(t.secretary1()).getFirst().id();
        page(post("/inspection/tasks/" + task + "/done").param("note", "已排班"), t.secretary1(), 302);
        assertThat(page(get("/inspection/tasks"), t.supervisor1(), 200)).contains("Reported done", "Verified: close");
        page(post("/inspection/tasks/" + task + "/close"), t.supervisor1(), 302);
        assertThat(rectifications.task(t.supervisor1(), task).state()).isEqualTo(TaskState.CLOSED);
        assertThat(page(post("/inspection/tasks/" + task + "/reopen").param("note", "x"), t.supervisor1(), 409))
                .contains("This task is closed");
    }

    @Test
    void aRefusedVisitFormIsDrawnAgainWithTheReasonAndWhatWasEntered() throws Exception {
        String refused = page(post("/inspection/areas/" + t.area1().id() + "/visits")
                .param("clientId", UUID.randomUUID().toString()).param("result_DISINFECTION", "FINDING")
                .param("note_GATE_DUTY", "门岗正常").param("note", "夜查"), t.supervisor1(), 400);
        assertThat(refused).contains("Describe the problem found at &quot;Disinfection&quot;", "门岗正常", "夜查");
        assertThat(db.fetchCount(INSPECTION_VISIT, INSPECTION_VISIT.AREA_ID.eq(t.area1().id()))).isZero();
    }

    @Test
    void theOverviewFlagsAreasWithoutSupervisorOrRecentVisit() throws Exception {
        String overview = page(get("/inspection"), t.townAdmin(), 200);
        assertThat(overview).contains("星火居民区", "海韵居民区", t.supervisor1().displayName(), "No supervisor",
                "Not visited for 7 days or more");
        assertThat(page(get("/inspection"), t.supervisor1(), 200)).contains("星火居民区").doesNotContain("海韵居民区");
    }

    @Test
    void aSupervisorCannotRecordInAnotherAreaAndNothingIsSaved() throws Exception {
        page(get("/inspection/areas/" + t.area2().id() + "/visits/new"), t.supervisor1(), 404);
        page(post("/inspection/areas/" + t.area2().id() + "/visits").param("clientId", UUID.randomUUID().toString())
                .param("result_GATE_DUTY", "FINDING").param("note_GATE_DUTY", "x"), t.supervisor1(), 404);
        String body = "{\"areaId\": " + t.area2().id() + ", \"clientId\": \"" + UUID.randomUUID() + "\", \"checks\": []}";
        api(post("/api/v1/inspection/visits").content(body), t.supervisor1(), 404);
        assertThat(db.fetchCount(INSPECTION_VISIT, INSPECTION_VISIT.AREA_ID.eq(t.area2().id()))).isZero();
    }

    @Test
    void theApiRecordsAVisitOnceAndMovesItsTasks() throws Exception {
        String body = "{\"areaId\": " + t.area1().id() + ", \"clientId\": \"" + UUID.randomUUID() + "\", \"checks\": ["
                + "{\"itemCode\": \"SAMPLING_ORDER\", \"result\": \"FINDING\", \"note\": \"排队间距不足\"}]}";
        String first = api(post("/api/v1/inspection/visits").content(body), t.supervisor1(), 200);
        String again = api(post("/api/v1/inspection/visits").content(body), t.supervisor1(), 200);
        assertThat(again).isEqualTo(first);
        String tasks = api(get("/api/v1/inspection/tasks"), t.secretary1(), 200);
        assertThat(tasks).contains("排队间距不足", "\"state\":\"OPEN\"");
        long task = rectifications.tasks(t.secretary1()).getFirst().id();
        api(post("/api/v1/inspection/tasks/" + task + "/close").content("{}"), t.supervisor1(), 409);
        assertThat(api(post("/api/v1/inspection/tasks/" + task + "/done").content("{\"note\": \"已调整\"}"),
                t.secretary1(), 200)).contains("\"state\":\"DONE\"");
        assertThat(api(post("/api/v1/inspection/tasks/" + task + "/reopen")
                .content("{\"note\": \"仍拥挤\", \"dueOn\": \"2099-01-01\"}"), t.supervisor1(), 200))
                .contains("\"state\":\"REOPENED\"", "\"dueOn\":\"2099-01-01\"");
        api(post("/api/v1/inspection/tasks/" + task + "/done").content("{\"note\": \"x\"}"), t.leader1(), 404);
    }

    private static RequestPostProcessor as(HaolinUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("SIGNED_IN")));
    }

    private String page(MockHttpServletRequestBuilder request, HaolinUser user, int expected) throws Exception {
        var response = mvc.perform(request.with(as(user)).with(csrf()).param("lang", "en")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(expected);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private String api(MockHttpServletRequestBuilder request, HaolinUser user, int expected) throws Exception {
        String token = accounts.createToken(user.accountId(), "test");
        var response = mvc.perform(request.header("Authorization", "Bearer " + token).contentType("application/json"))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
