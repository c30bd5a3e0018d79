package org.haolin.screening;

import org.awaitility.Awaitility;
import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.area.AreaTree;
import org.haolin.area.ZoneLevel;
import org.haolin.notify.Channels;
import org.haolin.notify.Inbox;
import org.haolin.notify.Notification;
import org.haolin.notify.NotificationKind;
import org.haolin.platform.DomainException;
import org.haolin.platform.Masking;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static haolin.schema.Tables.AUDIT_EVENT;
import static haolin.schema.Tables.NOTIFY_DELIVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.haolin.screening.ResultsTests.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HaolinTest
class PositivesTests {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired
    TestTown testTown;
    @Autowired
    DSLContext db;
    @Autowired
    TubeResults results;
    @Autowired
    PositiveTubes positives;
    @Autowired
    Inbox inbox;
    @Autowired
    Channels channels;
    @Autowired
    AreaTree areas;
    @Autowired
    MockMvc mvc;

    TestTown.Town t;
    ResultsFixture fixture;
    ResultsFixture.Campaign campaign;
    String code;

    /** Tube P holds residents 0 and 2 (stairwell 1, rooms 301 and 402); resident 1 of the same room is elsewhere. */
    @BeforeEach
    void setUp() {
        t = testTown.create();
        fixture = new ResultsFixture(db);
        campaign = fixture.campaign(t, t.town(), "全员核酸" + t.n());
        code = "P-" + t.n();
        fixture.tube(campaign, t, code, List.of(t.residents().get(0), t.residents().get(2)));
        fixture.tube(campaign, t, "N-" + t.n(), List.of(t.residents().get(1), t.residents().get(3)));
    }

    @Test
    void aPositiveTubeListsExactlyItsPeopleMaskedWithTheirRoomsAndPlaces() {
        results.enter(t.epidemicOffice(), campaign.id(), List.of(new ResultEntry(code, "阳性"),
                new ResultEntry("N-" + t.n(), "阴性")));

        Positives found = positives.positives(t.secretary1(), campaign.id());

        assertThat(found.tubes()).singleElement().satisfies(tube -> {
            assertThat(tube.code()).isEqualTo(code);
            assertThat(tube.people()).extracting(TracedPerson::residentId)
                    .containsExactly(t.residents().get(0), t.residents().get(2));
            assertThat(tube.people()).extracting(TracedPerson::room).containsExactly("301", "402");
            assertThat(tube.people()).extracting(TracedPerson::maskedName)
                    .allSatisfy(name -> assertThat(name).contains("*"))
                    .doesNotContain(t.names().get(0), t.names().get(2));
            assertThat(tube.people().getFirst().maskedName()).isEqualTo(Masking.name(t.names().get(0))).startsWith("张*");
            assertThat(tube.people()).extracting(TracedPerson::compound, TracedPerson::building, TracedPerson::stairwell)
                    .containsOnly(org.assertj.core.groups.Tuple.tuple("星火一村", "5号楼", "2单元"));
        });
        assertThat(found.buildings()).extracting(a -> a.area().id(), AffectedArea::people)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(t.building1().id(), 2));
        assertThat(found.compounds()).extracting(a -> a.area().id()).containsExactly(t.compound1().id());
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("LIST"), AUDIT_EVENT.OBJECT_TYPE.eq("RESIDENT"),
                AUDIT_EVENT.OBJECT_ID.eq(t.residents().get(2)), AUDIT_EVENT.ACCOUNT_ID.eq(t.secretary1().accountId())))
                .isEqualTo(1);
    }

    @Test
    void eachViewerSeesOnlyThePeopleOfTheirOwnAreasAndOutsidersNothing() {
        fixture.tube(campaign, t, "Q-" + t.n(), List.of(t.residents().get(1), t.residents().get(3)));
        results.enter(t.epidemicOffice(), campaign.id(), List.of(new ResultEntry("Q-" + t.n(), "POSITIVE")));

        assertThat(people(positives.positives(t.leader1(), campaign.id()))).containsExactly(t.residents().get(1));
        assertThat(people(positives.positives(t.leader2(), campaign.id()))).containsExactly(t.residents().get(3));
        assertThat(people(positives.positives(t.epidemicOffice(), campaign.id())))
                .containsExactlyInAnyOrder(t.residents().get(1), t.residents().get(3));
        for (var outsider : List.of(t.partyMember1(), t.claimer(), t.systemAdmin(), testTown.create().townAdmin())) {
            assertThatThrownBy(() -> positives.positives(outsider, campaign.id())).isInstanceOf(DomainException.class)
                    .extracting("messageKey").isEqualTo("screening.result.campaign.notFound");
        }
    }

    @Test
    void theStaffOverTheStairwellAreToldWithoutNamesAndOthersAreNot() {
        channels.addWebhook(t.townAdmin(), t.town().id(), "居委群", "http://127.0.0.1:9/robot", null);

        results.enter(t.epidemicOffice(), campaign.id(), List.of(new ResultEntry(code, "POSITIVE")));

        for (var told : List.of(t.leader1(), t.secretary1(), t.socialWorker1())) {
            Notification n = awaitOne(told);
            assertThat(n.kind()).isEqualTo(NotificationKind.POSITIVE_TUBE);
            assertThat(n.text()).isEqualTo("星火一村 5号楼2单元：试管 " + code + " 检测阳性，其中有 2 人在本楼组采样。请打开名单安排单管复核。");
            assertThat(n.link()).isEqualTo("/campaigns/" + campaign.id() + "/positives");
        }
        assertThat(inbox.list(t.leader2(), false, ZH)).isEmpty();
        assertThat(inbox.list(t.partyMember1(), false, ZH)).isEmpty();
        var outbound = db.select(NOTIFY_DELIVERY.SUBJECT, NOTIFY_DELIVERY.PAYLOAD).from(NOTIFY_DELIVERY)
                .where(NOTIFY_DELIVERY.TOWN_ID.eq(t.town().id())).fetch();
        assertThat(outbound).isNotEmpty();
        outbound.forEach(d -> assertThat(d.value1() + d.value2()).contains(code)
                .doesNotContain(t.names().get(0), t.names().get(2), "301", "402", t.phones().get(0)));
    }

    @Test
    void theSameResultAgainTellsNobodyTwice() throws InterruptedException {
        results.enter(t.epidemicOffice(), campaign.id(), List.of(new ResultEntry(code, "POSITIVE")));
        awaitOne(t.leader1());
        results.enter(t.epidemicOffice(), campaign.id(), List.of(new ResultEntry(code, "POSITIVE")));
        Thread.sleep(1500);
        assertThat(inbox.list(t.leader1(), false, ZH)).hasSize(1);
    }

    @Test
    void thePositivesPageRaisesTheZoneLevelOfAnAffectedBuildingOnly() throws Exception {
        results.enter(t.epidemicOffice(), campaign.id(), List.of(new ResultEntry(code, "POSITIVE")));
        String page = "/campaigns/" + campaign.id() + "/positives";

        mvc.perform(get(page).with(as(t.epidemicOffice())).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"area-" + t.building1().id() + "\"")))
                .andExpect(content().string(containsString("Set zone level")))
                .andExpect(content().string(containsString("Single-tube re-test")))
                .andExpect(content().string(not(containsString(t.names().get(0)))));
        mvc.perform(get(page).with(as(t.leader1())).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Set zone level"))));

        mvc.perform(post(page + "/zone").with(as(t.epidemicOffice())).with(csrf())
                        .param("areaId", String.valueOf(t.building1().id())).param("level", "CONTROLLED")
                        .param("reason", "阳性管 " + code))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern(page + "*"));
        assertThat(areas.find(t.building1().id()).orElseThrow().zoneLevel()).isEqualTo(ZoneLevel.CONTROLLED);

        mvc.perform(post(page + "/zone").with(as(t.epidemicOffice())).with(csrf())
                        .param("areaId", String.valueOf(t.building2().id())).param("level", "SEALED")
                        .param("reason", "x"))
                .andExpect(status().isNotFound());
        mvc.perform(post(page + "/zone").with(as(t.leader1())).with(csrf())
                        .param("areaId", String.valueOf(t.compound1().id())).param("level", "SEALED")
                        .param("reason", "x"))
                .andExpect(status().isNotFound());
        assertThat(areas.find(t.building2().id()).orElseThrow().zoneLevel()).isEqualTo(ZoneLevel.NORMAL);
        assertThat(areas.find(t.compound1().id()).orElseThrow().zoneLevel()).isEqualTo(ZoneLevel.NORMAL);
    }

    @Test
    void theApiListsPositivesInTheCallersScope() throws Exception {
        results.enter(t.epidemicOffice(), campaign.id(), List.of(new ResultEntry(code, "POSITIVE")));
        mvc.perform(get("/api/v1/campaigns/" + campaign.id() + "/positives").with(as(t.leader1())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tubes[0].code").value(code))
                .andExpect(jsonPath("$.tubes[0].people.length()").value(2))
                .andExpect(content().string(not(containsString(t.names().get(0)))));
        mvc.perform(get("/api/v1/campaigns/" + campaign.id() + "/positives").with(as(t.leader2())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.tubes.length()").value(0));
    }

    private static List<Long> people(Positives found) {
        return found.tubes().stream().flatMap(tube -> tube.people().stream()).map(TracedPerson::residentId).toList();
    }

    private Notification awaitOne(org.haolin.access.HaolinUser user) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !inbox.list(user, false, ZH).isEmpty());
        List<Notification> list = inbox.list(user, false, ZH);
        assertThat(list).hasSize(1);
        return list.getFirst();
    }
}
