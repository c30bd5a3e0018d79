package org.haolin.screening;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.Accounts;
import org.haolin.access.HaolinUser;
import org.haolin.platform.LocalTimes;
import org.haolin.resident.PersonalCodes;
import org.haolin.screening.internal.ScanCommitter;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import javax.sql.DataSource;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static haolin.schema.Tables.SCREENING_CHECKIN;
import static haolin.schema.Tables.TUBE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The scan path over HTTP: the JSON contract the station relies on, scope, and the overload answer. */
@HaolinTest
class ScanApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTown testTown;
    @Autowired
    DSLContext db;
    @Autowired
    PersonalCodes personalCodes;
    @Autowired
    Accounts accounts;
    @Autowired
    ScanCommitter committer;
    @Autowired
    DataSource dataSource;
    @Autowired
    LocalTimes times;

    private static final OffsetDateTime NINE = OffsetDateTime.parse("2026-04-28T09:12:03+08:00");

    TestTown.Town town;
    ScanFixture.Planned campaign;

    @BeforeEach
    void setUp() {
        town = testTown.create();
        campaign = new ScanFixture(db, personalCodes).open(town, 10);
    }

    @Test
    void theApiAndTheStationAnswerTheSameJson() throws Exception {
        String single = scanJson(UUID.randomUUID().toString(), campaign.codes().getFirst(), "T123456");
        MockHttpServletResponse api = mvc.perform(bearer(town.secretary1(),
                post("/api/v1/campaigns/" + campaign.id() + "/checkins")).content(single)).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(200);
        assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("\"outcome\":\"RECORDED\"",
                "\"place\":\"5号楼 2单元 301\"", "\"tube\":{\"code\":\"T123456\",\"people\":1,\"capacity\":10,\"closed\":false}",
                "\"message\":\"登记成功：张*").doesNotContain(town.names().getFirst());

        String queued = "{\"scans\":[" + scanJson(UUID.randomUUID().toString(), campaign.codes().getFirst(), "T123456")
                + "," + scanJson("short", campaign.codes().get(1), null) + "]}";
        String station = mvc.perform(session(town.secretary1(), post("/campaigns/" + campaign.id()
                        + "/station/checkins?lang=en")).content(queued)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(station).contains("\"outcome\":\"REPEAT\"", "\"earlierAt\":", "Already sampled at " + times.format(NINE, "HH:mm") + " (tube T123456)",
                "\"outcome\":\"INVALID\"");

        String closed = mvc.perform(session(town.secretary1(), post("/campaigns/" + campaign.id() + "/station/tubes/close"))
                .content("{\"clientId\":\"close-" + UUID.randomUUID() + "\",\"pointId\":" + campaign.point1()
                        + ",\"tubeCode\":\"T123456\"}")).andReturn().getResponse().getContentAsString();
        assertThat(closed).isEqualTo("{\"tube\":{\"code\":\"T123456\",\"people\":2,\"capacity\":10,\"closed\":true}}");

        String found = mvc.perform(session(town.secretary1(), get("/campaigns/" + campaign.id() + "/station/search")
                .param("pointId", String.valueOf(campaign.point1())).param("q", "402")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(found).contains("\"residentId\":" + town.residents().get(2), "\"sampled\":false")
                .doesNotContain(town.names().get(2));
    }

    @Test
    void someoneWhoMayNotScanAtThePointGets404FromEveryEndpoint() throws Exception {
        HaolinUser outsider = town.leader2();
        String body = scanJson(UUID.randomUUID().toString(), campaign.codes().getFirst(), null);
        String close = "{\"clientId\":\"close-12345\",\"pointId\":" + campaign.point1() + ",\"tubeCode\":\"T123456\"}";
        List<MockHttpServletRequestBuilder> requests = List.of(
                bearer(outsider, post("/api/v1/campaigns/" + campaign.id() + "/checkins")).content(body),
                session(outsider, post("/campaigns/" + campaign.id() + "/station/checkins")).content(body),
                bearer(outsider, post("/api/v1/campaigns/" + campaign.id() + "/tubes/close")).content(close),
                session(outsider, post("/campaigns/" + campaign.id() + "/station/tubes/close")).content(close),
                session(outsider, get("/campaigns/" + campaign.id() + "/station/search")
                        .param("pointId", String.valueOf(campaign.point1())).param("q", "301")));
        for (MockHttpServletRequestBuilder request : requests) {
            MockHttpServletResponse answer = mvc.perform(request).andReturn().getResponse();
            assertThat(answer.getStatus()).isEqualTo(404);
            // the same problem JSON whichever way the request went (the API's check-in skips Spring MVC)
            assertThat(answer.getContentType()).isEqualTo("application/problem+json");
            assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).contains(
                    "\"code\":\"screening.scan.point.notFound\"", "\"status\":404", "采样点")
                    .doesNotContain(town.names().getFirst());
        }
        assertThat(db.fetchCount(SCREENING_CHECKIN, SCREENING_CHECKIN.CAMPAIGN_ID.eq(campaign.id()))).isZero();
    }

    /**
     * At a peak nearly every request is an API check-in, so one with a live token is answered before the servlet
     * filters and Spring MVC (ScanLane): still with the security headers every API answer carries. Without a live
     * token it goes the usual way and is refused.
     */
    @Test
    void aCheckInWithALiveTokenIsAnsweredAheadOfSpringMvcWithTheApisSecurityHeaders() throws Exception {
        String path = "/api/v1/campaigns/" + campaign.id() + "/checkins";
        MvcResult lane = mvc.perform(bearer(town.secretary1(), post(path))
                .content(scanJson(UUID.randomUUID().toString(), campaign.codes().getFirst(), null))).andReturn();
        assertThat(lane.getResponse().getStatus()).isEqualTo(200);
        assertThat(lane.getHandler()).as("no Spring MVC handler was involved").isNull();
        MvcResult ping = mvc.perform(bearer(town.secretary1(), get("/api/v1/ping"))).andReturn();
        assertThat(ping.getHandler()).isNotNull();
        for (String header : List.of("X-Content-Type-Options", "X-XSS-Protection", "Cache-Control", "Pragma",
                "Expires", "X-Frame-Options")) {
            assertThat(lane.getResponse().getHeader(header)).as(header).isNotNull()
                    .isEqualTo(ping.getResponse().getHeader(header));
        }

        String revoked = accounts.createToken(town.secretary1().accountId(), "revoked");
        accounts.revokeToken(town.secretary1().accountId(), accounts.tokens(town.secretary1().accountId()).stream()
                .filter(t -> t.name().equals("revoked")).findFirst().orElseThrow().id());
        for (String authorization : List.of("", "Bearer hl_unknown", "Bearer " + revoked, "Basic c2VjOnNlYw==")) {
            MockHttpServletRequestBuilder request = post(path).contentType("application/json")
                    .content(scanJson(UUID.randomUUID().toString(), campaign.codes().get(1), null));
            MockHttpServletResponse refused = mvc.perform(authorization.isEmpty() ? request
                    : request.header("Authorization", authorization)).andReturn().getResponse();
            assertThat(refused.getStatus()).as(authorization).isEqualTo(401);
        }
        assertThat(db.fetchCount(SCREENING_CHECKIN, SCREENING_CHECKIN.CAMPAIGN_ID.eq(campaign.id()))).isEqualTo(1);
    }

    /**
     * The writers are held up by a lock on a tube they must fill; devices keep sending until more scans wait than the
     * limit: the next request is refused at once with 503 and Retry-After, nothing waiting is lost, and once the
     * writers move on requests are served again.
     */
    @Test
    void tooManyWaitingScansAre503AtOnceAndServiceResumesWhenTheQueueDrains() throws Exception {
        mvc.perform(bearer(town.townAdmin(), post("/api/v1/campaigns/" + campaign.id() + "/checkins"))
                .content(scanJson(UUID.randomUUID().toString(), campaign.codes().getFirst(), "LOCKED1"))).andReturn();
        long lockedTube = db.select(TUBE.ID).from(TUBE).where(TUBE.CAMPAIGN_ID.eq(campaign.id())).fetchOne().value1();
        List<Future<Integer>> waiting = new ArrayList<>();
        try (Connection lock = dataSource.getConnection(); ExecutorService devices = Executors.newVirtualThreadPerTaskExecutor()) {
            lock.setAutoCommit(false);
            try (PreparedStatement s = lock.prepareStatement("select 1 from tube where id = ? for update")) {
                s.setLong(1, lockedTube);
                s.executeQuery();
            }
            for (int d = 0; d < 8; d++) { // 8 x 500 = 4,000 scans: the limit, not over it
                String queue = "{\"scans\":[" + IntStream.range(0, Scans.MAX_SCANS).mapToObj(i -> scanJson(
                        UUID.randomUUID().toString(), campaign.codes().get(i % 5), "LOCKED1"))
                        .collect(Collectors.joining(",")) + "]}";
                waiting.add(devices.submit(() -> mvc.perform(bearer(town.townAdmin(),
                        post("/api/v1/campaigns/" + campaign.id() + "/checkins")).content(queue))
                        .andReturn().getResponse().getStatus()));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> committer.scansWaiting() >= 4_000);
            MockHttpServletResponse refused = mvc.perform(bearer(town.townAdmin(),
                    post("/api/v1/campaigns/" + campaign.id() + "/checkins"))
                    .content(scanJson(UUID.randomUUID().toString(), campaign.codes().get(1), null))).andReturn().getResponse();
            assertThat(refused.getStatus()).isEqualTo(503);
            assertThat(refused.getHeader("Retry-After")).isEqualTo("2");
            lock.rollback();
            for (Future<Integer> status : waiting) {
                assertThat(status.get()).isEqualTo(200);
            }
        }
        MockHttpServletResponse served = mvc.perform(bearer(town.townAdmin(),
                post("/api/v1/campaigns/" + campaign.id() + "/checkins"))
                .content(scanJson(UUID.randomUUID().toString(), campaign.codes().get(1), null))).andReturn().getResponse();
        assertThat(served.getStatus()).isEqualTo(200);
        // the tube took its 10 samples; the other 3,991 found it full, and only the 10 left rows
        assertThat(db.fetchCount(SCREENING_CHECKIN, SCREENING_CHECKIN.CAMPAIGN_ID.eq(campaign.id()))).isEqualTo(11);
    }

    /** Empty, malformed, wrongly typed, a wrong timestamp or not UTF-8: 400 in the reader's language, none stored. */
    @Test
    void aBodyThatIsNotScansIs400NamingWhatCouldNotBeRead() throws Exception {
        String good = scanJson("站点-" + UUID.randomUUID(), campaign.codes().getFirst(), null);
        List<byte[]> bodies = List.of(new byte[0], "{\"clientId\":".getBytes(StandardCharsets.UTF_8),
                "[1,2]".getBytes(StandardCharsets.UTF_8), "null".getBytes(StandardCharsets.UTF_8),
                good.replace("\"pointId\":", "\"pointId\":\"x\",\"ignored\":")
                        .getBytes(StandardCharsets.UTF_8),
                good.getBytes(Charset.forName("GBK")),
                good.replace("2026-04-28T09:12:03+08:00", "28/04/2026 09:12").getBytes(StandardCharsets.UTF_8));
        for (byte[] body : bodies) {
            MockHttpServletResponse en = mvc.perform(bearer(town.secretary1(), post("/api/v1/campaigns/"
                    + campaign.id() + "/checkins?lang=en")).content(body)).andReturn().getResponse();
            assertThat(en.getStatus()).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(400);
            assertThat(en.getContentAsString(StandardCharsets.UTF_8)).as(new String(body, StandardCharsets.UTF_8))
                    .contains("The scans could not be read: send JSON", "screening.scan.body.unreadable");
        }
        MockHttpServletResponse zh = mvc.perform(session(town.secretary1(), post("/campaigns/" + campaign.id()
                + "/station/checkins")).content(bodies.getLast())).andReturn().getResponse();
        assertThat(zh.getStatus()).isEqualTo(400);
        assertThat(zh.getContentAsString(StandardCharsets.UTF_8)).contains("无法读取扫码数据", "28/04/2026 09:12");
        assertThat(db.fetchCount(SCREENING_CHECKIN, SCREENING_CHECKIN.CAMPAIGN_ID.eq(campaign.id()))).isZero();
        // the same scan in UTF-8 is recorded
        assertThat(mvc.perform(bearer(town.secretary1(), post("/api/v1/campaigns/" + campaign.id() + "/checkins"))
                .content(good)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("\"outcome\":\"RECORDED\"");
    }

    @Test
    void pingAnswersTheAccountName() throws Exception {
        assertThat(mvc.perform(bearer(town.leader1(), get("/api/v1/ping"))).andReturn().getResponse().getContentAsString())
                .isEqualTo("{\"username\":\"" + town.leader1().username() + "\"}");
    }

    private String scanJson(String clientId, String code, String tube) {
        return "{\"clientId\":\"" + clientId + "\",\"pointId\":" + campaign.point1() + ",\"code\":\"" + code + "\",\"residentId\":null,"
                + "\"tubeCode\":" + (tube == null ? "null" : "\"" + tube + "\"") + ",\"scannedAt\":\"2026-04-28T09:12:03+08:00\"}";
    }

    private MockHttpServletRequestBuilder bearer(HaolinUser user, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + accounts.createToken(user.accountId(), "test"))
                .contentType("application/json");
    }

    private MockHttpServletRequestBuilder session(HaolinUser user, MockHttpServletRequestBuilder request) {
        return request.contentType("application/json").with(authentication(UsernamePasswordAuthenticationToken
                .authenticated(user, null, AuthorityUtils.createAuthorityList("SIGNED_IN")))).with(csrf());
    }
}
