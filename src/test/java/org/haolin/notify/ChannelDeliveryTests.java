package org.haolin.notify;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import haolin.schema.tables.records.NotifyDeliveryRecord;
import jakarta.mail.internet.MimeMessage;
import org.haolin.HaolinTest;
import org.haolin.MovableClock;
import org.haolin.TestTown;
import org.haolin.access.Accounts;
import org.haolin.notify.internal.Backoff;
import org.haolin.notify.internal.Deliveries;
import org.haolin.resident.TagAssignments;
import org.haolin.resident.TagAssignments.TagOrder;
import org.haolin.resident.TagSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static haolin.schema.Tables.NOTIFY_DELIVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.haolin.notify.NotificationsTests.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Outbound delivery against real local servers: GreenMail for SMTP and a JDK HTTP server as the group-chat
 * robot. What leaves Haolin names the place, the tag and the count with a link, never a person or a room;
 * a refusing robot is tried again after the backoff and, after the last attempt, shows as failed to the
 * town's admins, who may retry it. Another town's admin reaches none of it.
 */
@HaolinTest
class ChannelDeliveryTests {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("haolin", "smtp-secret"))
            .withPerMethodLifecycle(false);

    @Autowired
    TestTown testTown;
    @Autowired
    TagAssignments tags;
    @Autowired
    Channels channels;
    @Autowired
    Deliveries deliveries;
    @Autowired
    Accounts accounts;
    @Autowired
    DSLContext db;
    @Autowired
    MovableClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    TestTown.Town t;
    RobotServer robot;
    String leaderEmail;

    @BeforeEach
    void setUp() throws Exception {
        t = testTown.create();
        robot = new RobotServer();
        leaderEmail = "leader" + t.n() + "@example.gov.cn";
        accounts.setEmail(t.leader1().accountId(), leaderEmail);
        channels.saveSmtp(t.townAdmin(), t.town().id(), new Channels.SmtpForm("127.0.0.1",
                mail.getSmtp().getPort(), "haolin@example.gov.cn", "haolin", "smtp-secret", false, false));
    }

    @AfterEach
    void tearDown() {
        robot.close();
        clock.reset();
    }

    @Test
    void mailAndRobotCarryThePlaceTheTagAndTheCountButNobodysDetails() throws Exception {
        channels.addWebhook(t.townAdmin(), t.town().id(), "星火居民区工作群", robot.url(), t.area1().id());
        officeList(0, 2);

        awaitState("DELIVERED", 2);
        MimeMessage message = Arrays.stream(mail.getReceivedMessages())
                .filter(m -> recipient(m).equals(leaderEmail)).findFirst().orElseThrow();
        String body = ((String) message.getContent()).strip();
        assertThat(message.getSubject()).isEqualTo("【好邻】星火一村 5号楼2单元 有需要关注的居民");
        assertThat(body).startsWith("【好邻】星火一村 5号楼2单元：新增出院 2人（来自防疫办名单）。")
                .endsWith("/stairwells/" + t.stairwell1().id());
        JsonNode posted = json.readTree(robot.received().getFirst());
        assertThat(posted.get("msgtype").asString()).isEqualTo("text");
        assertThat(posted.get("text").get("content").asString()).isEqualTo(body);
        assertNothingPersonal(body + message.getSubject());
        assertThat(robot.received()).hasSize(1);
    }

    @Test
    void aRobotLimitedToAnotherAreaHearsNothingAndAPersonWithoutAddressGetsNoMail() {
        channels.addWebhook(t.townAdmin(), t.town().id(), "海韵居民区工作群", robot.url(), t.area2().id());
        tags.assign(t.epidemicOffice(), List.of(TagOrder.now(t.residents().get(3), "DISCHARGED_FROM_HOSPITAL")),
                TagSource.OFFICE_LIST, "list-" + t.n());

        awaitState("DELIVERED", 1);
        assertThat(deliveriesOfTown()).singleElement().satisfies(d -> assertThat(d.getChannel()).isEqualTo("WEBHOOK"));
        assertThat(robot.received().getFirst()).contains("海韵苑 12号楼1单元").doesNotContain("5号楼");
    }

    @Test
    void aRefusingRobotIsTriedAgainAfterTheBackoff() {
        robot.answering(500);
        channels.addWebhook(t.townAdmin(), t.town().id(), "镇工作群", robot.url(), null);
        accounts.setEmail(t.leader1().accountId(), null);
        officeList(0);

        NotifyDeliveryRecord first = awaitAttempts(1);
        assertThat(first.getState()).isEqualTo("PENDING");
        assertThat(first.getLastError()).contains("HTTP 500");
        assertThat(Duration.between(first.getCreatedAt(), first.getNextAttemptAt())).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        deliveries.sendDue();
        assertThat(robot.received()).as("not due before the backoff").hasSize(1);

        clock.advance(Duration.ofSeconds(31));
        awaitState("DELIVERED", 1);
        assertThat(robot.received()).hasSize(2);
        assertThat(deliveriesOfTown().getFirst().getAttempts()).isEqualTo(2);
    }

    @Test
    void afterTheLastAttemptTheFailureShowsToTheTownAdminWhoMayRetryIt() throws Exception {
        robot.otherwise(500);
        channels.addWebhook(t.townAdmin(), t.town().id(), "镇工作群", robot.url(), null);
        accounts.setEmail(t.leader1().accountId(), null);
        officeList(0);

        for (int attempt = 1; attempt <= Backoff.MAX_ATTEMPTS; attempt++) {
            awaitAttempts(attempt);
            clock.advance(Duration.ofMinutes(31));
        }
        NotifyDeliveryRecord failed = deliveriesOfTown().getFirst();
        assertThat(failed.getState()).isEqualTo("FAILED");
        String page = mvc.perform(get("/admin/channels").with(as(t.townAdmin()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("delivery-" + failed.getId(), "失败", "HTTP 500");

        TestTown.Town other = testTown.create();
        mvc.perform(post("/admin/channels/deliveries/" + failed.getId() + "/retry").with(as(other.townAdmin())).with(csrf()))
                .andExpect(status().isNotFound());
        robot.otherwise(200);
        mvc.perform(post("/admin/channels/deliveries/" + failed.getId() + "/retry").with(as(t.townAdmin())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        awaitState("DELIVERED", 1);
    }

    @Test
    void anotherTownsAdminNeitherSeesNorChangesThisTownsChannels() throws Exception {
        long hook = channels.addWebhook(t.townAdmin(), t.town().id(), "镇工作群", robot.url(), null);
        TestTown.Town other = testTown.create();
        String town = String.valueOf(t.town().id());

        mvc.perform(get("/admin/channels").param("town", town).with(as(other.townAdmin()))).andExpect(status().isNotFound());
        mvc.perform(post("/admin/channels/smtp").param("town", town).param("host", "evil.example").param("port", "25")
                .param("from", "x@evil.example").with(as(other.townAdmin())).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/admin/channels/webhooks").param("town", town).param("name", "x").param("url", "https://evil.example/")
                .with(as(other.townAdmin())).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/admin/channels/webhooks/" + hook + "/delete").with(as(other.townAdmin())).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/channels/test").param("town", town).with(as(other.townAdmin())).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/channels").with(as(t.leader1()))).andExpect(status().isNotFound());
        assertThat(channels.settings(t.townAdmin(), t.town().id()).smtp().host()).isEqualTo("127.0.0.1");
        assertThat(channels.settings(t.townAdmin(), t.town().id()).webhooks()).hasSize(1);
    }

    @Test
    void theAdminSendsATestMessageAndFixesAWrongSetting() throws Exception {
        channels.addWebhook(t.townAdmin(), t.town().id(), "镇工作群", robot.url(), null);
        String town = String.valueOf(t.town().id());
        String to = "admin" + t.n() + "@example.gov.cn";

        mvc.perform(post("/admin/channels/test").param("town", town).param("email", to).with(as(t.townAdmin())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(Arrays.stream(mail.getReceivedMessages()).filter(m -> recipient(m).equals(to))).hasSize(1);
        assertThat(robot.received()).singleElement().asString().contains("测试消息");

        mvc.perform(post("/admin/channels/smtp").param("town", town).param("host", "127.0.0.1").param("port", "七")
                .param("from", "haolin@example.gov.cn").with(as(t.townAdmin())).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/admin/channels/webhooks").param("town", town).param("name", "x").param("url", "ftp://x")
                .with(as(t.townAdmin())).with(csrf())).andExpect(status().isBadRequest());
        String page = mvc.perform(get("/admin/channels").param("town", town).with(as(t.townAdmin())))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("smtp-secret", "robot-secret").contains("127.0.0.1");
    }

    private void officeList(int... residents) {
        tags.assign(t.epidemicOffice(), Arrays.stream(residents)
                        .mapToObj(i -> TagOrder.now(t.residents().get(i), "DISCHARGED_FROM_HOSPITAL")).toList(),
                TagSource.OFFICE_LIST, "list-" + t.n());
    }

    private void assertNothingPersonal(String text) {
        List<String> secrets = new java.util.ArrayList<>(t.names());
        secrets.addAll(t.idNumbers());
        secrets.addAll(t.phones());
        secrets.addAll(List.of("301", "402", "室"));
        assertThat(text).doesNotContain(secrets);
    }

    /** The delivery job runs on its own too; asking it here only makes the wait shorter. */
    private void awaitState(String state, int count) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            deliveries.sendDue();
            List<NotifyDeliveryRecord> all = deliveriesOfTown();
            return all.size() == count && all.stream().allMatch(d -> d.getState().equals(state));
        });
    }

    private NotifyDeliveryRecord awaitAttempts(int attempts) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            deliveries.sendDue();
            return deliveriesOfTown().size() == 1 && deliveriesOfTown().getFirst().getAttempts() == attempts;
        });
        return deliveriesOfTown().getFirst();
    }

    private List<NotifyDeliveryRecord> deliveriesOfTown() {
        return db.selectFrom(NOTIFY_DELIVERY).where(NOTIFY_DELIVERY.TOWN_ID.eq(t.town().id()))
                .orderBy(NOTIFY_DELIVERY.ID).fetch();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
