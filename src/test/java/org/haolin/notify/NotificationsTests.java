package org.haolin.notify;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.Accounts;
import org.haolin.access.HaolinUser;
import org.haolin.area.AreaTree;
import org.haolin.area.ZoneLevel;
import org.haolin.resident.TagAssignments;
import org.haolin.resident.TagAssignments.TagOrder;
import org.haolin.resident.TagSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who is told, what they read, and that each person reaches only their own notifications: the building
 * leader and the area's social workers hear of key-group tags in their stairwells, other leaders hear
 * nothing; zone-level changes reach the people at work in the compound or building.
 */
@HaolinTest
class NotificationsTests {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired
    TestTown testTown;
    @Autowired
    TagAssignments tags;
    @Autowired
    Inbox inbox;
    @Autowired
    AreaTree areas;
    @Autowired
    Accounts accounts;
    @Autowired
    MockMvc mvc;

    TestTown.Town t;

    @BeforeEach
    void setUp() {
        t = testTown.create();
    }

    @Test
    void aKeyGroupTagReachesTheBuildingLeaderAndTheSocialWorkerOfItsStairwellOnly() {
        officeList(t.residents().get(0), "DISCHARGED_FROM_HOSPITAL");

        Notification told = awaitOne(t.leader1());
        assertThat(told.kind()).isEqualTo(NotificationKind.TAGS_LANDED);
        assertThat(told.text()).isEqualTo("星火一村 5号楼2单元：301室 出院（来自防疫办名单）");
        assertThat(told.link()).isEqualTo("/stairwells/" + t.stairwell1().id());
        assertThat(awaitOne(t.socialWorker1()).text()).contains("301室 出院");
        assertThat(inbox.list(t.leader2(), false, ZH)).isEmpty();
        assertThat(inbox.list(t.secretary1(), false, ZH)).as("not among the tag's roles").isEmpty();
        assertThat(inbox.list(t.leader1(), false, Locale.ENGLISH).getFirst().text())
                .isEqualTo("星火一村 5号楼2单元: room 301: Discharged from hospital (from the epidemic office list)");
        assertThat(told.text()).doesNotContain(t.names().get(0), t.idNumbers().get(0), t.phones().get(0));
    }

    @Test
    void oneNotificationPerPersonAndStairwellAndNoneTwiceForTheSameList() {
        List<TagOrder> list = List.of(TagOrder.now(t.residents().get(0), "DISCHARGED_FROM_HOSPITAL"),
                TagOrder.now(t.residents().get(2), "RECOVERED_POSITIVE"),
                TagOrder.now(t.residents().get(3), "DISCHARGED_FROM_HOSPITAL"),
                TagOrder.now(t.residents().get(1), "ELDERLY_80_LIVING_ALONE"));
        tags.assign(t.epidemicOffice(), list, TagSource.OFFICE_LIST, "list-" + t.n());

        assertThat(awaitOne(t.leader1()).text()).contains("301室 出院", "402室 阳性转阴返回").doesNotContain("101");
        assertThat(awaitOne(t.leader2()).text()).isEqualTo("海韵苑 12号楼1单元：101室 出院（来自防疫办名单）");
        assertThat(awaitOne(t.socialWorker1()).text()).contains("5号楼2单元");

        tags.assign(t.epidemicOffice(), list, TagSource.OFFICE_LIST, "list-" + t.n());
        tags.assign(t.epidemicOffice(), List.of(TagOrder.now(t.residents().get(4), "ELDERLY_80_LIVING_ALONE")),
                TagSource.MANUAL, null);
        pause();
        assertThat(inbox.list(t.leader1(), false, ZH)).hasSize(1);
        assertThat(inbox.list(t.leader2(), false, ZH)).as("a tag whose rule tells nobody").hasSize(1);
    }

    @Test
    void whoeverPutTheTagOnIsNotToldOfIt() {
        tags.assign(t.leader1(), List.of(TagOrder.now(t.residents().get(2), "RECOVERED_POSITIVE")), TagSource.MANUAL, null);

        assertThat(awaitOne(t.socialWorker1()).text()).isEqualTo("星火一村 5号楼2单元：402室 阳性转阴返回（来自手工录入）");
        assertThat(inbox.list(t.leader1(), false, ZH)).isEmpty();
    }

    @Test
    void aZoneLevelChangeReachesThePeopleAtWorkInTheBuildingOrCompound() {
        areas.changeZoneLevel(t.epidemicOffice(), t.building2().id(), ZoneLevel.CONTROLLED, "两例阳性");

        assertThat(awaitOne(t.leader2()).text()).isEqualTo("海韵苑 12号楼 调整为管控区（原为常态）：两例阳性");
        assertThat(awaitOne(t.leader2()).link()).isEqualTo("/areas/" + t.building2().id());

        areas.changeZoneLevel(t.epidemicOffice(), t.compound1().id(), ZoneLevel.SEALED, "筛查发现阳性");
        assertThat(awaitOne(t.leader1()).text()).startsWith("星火一村 调整为封控区");
        awaitOne(t.socialWorker1());
        awaitOne(t.secretary1());
        assertThat(inbox.list(t.leader2(), false, ZH)).hasSize(1);
        assertThat(inbox.list(t.partyMember1(), false, ZH)).isEmpty();
    }

    @Test
    void thePersonReadsAndMarksTheirOwnNotificationsOverTheApi() throws Exception {
        officeList(t.residents().get(0), "DISCHARGED_FROM_HOSPITAL");
        long id = awaitOne(t.leader1()).id();
        String leader = "Bearer " + accounts.createToken(t.leader1().accountId(), "phone");
        String other = "Bearer " + accounts.createToken(t.leader2().accountId(), "phone");

        mvc.perform(get("/api/v1/notifications/unread-count").header("Authorization", leader))
                .andExpect(status().isOk()).andExpect(jsonPath("$.unread").value(1));
        mvc.perform(get("/api/v1/notifications").header("Authorization", leader).header("Accept-Language", "zh-CN"))
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].text").value("星火一村 5号楼2单元：301室 出院（来自防疫办名单）"));
        mvc.perform(get("/api/v1/notifications").header("Authorization", other)).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(post("/api/v1/notifications/" + id + "/read").header("Authorization", other))
                .andExpect(status().isNotFound());
        assertThat(inbox.unreadCount(t.leader1())).isEqualTo(1);

        mvc.perform(post("/api/v1/notifications/" + id + "/read").header("Authorization", leader))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/notifications/unread-count").header("Authorization", leader))
                .andExpect(jsonPath("$.unread").value(0));
    }

    @Test
    void theInboxPageListsUnreadFirstAndTheBadgeCounts() throws Exception {
        officeList(t.residents().get(0), "DISCHARGED_FROM_HOSPITAL");
        long first = awaitOne(t.leader1()).id();
        officeList(t.residents().get(2), "RECOVERED_POSITIVE");
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.unreadCount(t.leader1()) == 2);

        mvc.perform(get("/inbox/badge").with(as(t.leader1()))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(">2</span>")));
        mvc.perform(post("/inbox/" + first + "/read").with(as(t.leader2())).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/inbox/" + first + "/read").with(as(t.leader1())).with(csrf()))
                .andExpect(status().is3xxRedirection());

        String page = mvc.perform(get("/inbox").with(as(t.leader1()))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page.indexOf("402室")).as("unread first").isLessThan(page.indexOf("301室")).isPositive();
        assertThat(page).contains("hx-get=\"/inbox/badge\"");

        mvc.perform(post("/inbox/read-all").with(as(t.leader1())).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(inbox.unreadCount(t.leader1())).isZero();
        mvc.perform(get("/inbox/badge").with(as(t.leader1())))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("badge"))));
    }

    @Test
    void aPersonSetsTheirEmailOnMyAccount() throws Exception {
        mvc.perform(post("/me/email").param("email", "leader@example.gov.cn").with(as(t.leader1())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.email(t.leader1().accountId())).contains("leader@example.gov.cn");
        mvc.perform(post("/me/email").param("email", "not an address").with(as(t.leader1())).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/me/email").param("email", "").with(as(t.leader1())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.email(t.leader1().accountId())).isEmpty();
    }

    private void officeList(long resident, String tag) {
        tags.assign(t.epidemicOffice(), List.of(TagOrder.now(resident, tag)), TagSource.OFFICE_LIST, "list-" + t.n());
    }

    /** The listener runs after commit, on its own thread: wait for exactly one notification. */
    private Notification awaitOne(HaolinUser user) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !inbox.list(user, false, ZH).isEmpty());
        List<Notification> all = inbox.list(user, false, ZH);
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    /** Long enough for a listener that should not write anything to have written it. */
    private static void pause() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static RequestPostProcessor as(HaolinUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("SIGNED_IN")));
    }
}
