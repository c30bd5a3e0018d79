package org.haolin.rota;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.HaolinUser;
import org.haolin.workforce.ProtectionItem;
import org.haolin.workforce.ProtectionStandard;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static haolin.schema.Tables.AUDIT_EVENT;
import static haolin.schema.Tables.SHIFT_START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HaolinTest
class MyShiftsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTown testTown;
    @Autowired
    DSLContext db;
    @Autowired
    Clock clock;
    @Autowired
    MyShifts myShifts;
    @Autowired
    ProtectionStandard standard;

    TestTown.Town t;
    LocalDate today;
    long volunteer;
    long secretary;
    long gateToday;
    long gateTomorrow;
    long othersShift;

    @BeforeEach
    void setUp() {
        t = testTown.create();
        today = LocalDate.now(clock);
        ShiftFixture fixture = new ShiftFixture(db);
        volunteer = fixture.person(t.area1(), "志愿者甲" + t.n(), t.volunteer1().accountId(), true, null);
        secretary = fixture.person(t.area1(), "书记乙" + t.n(), t.secretary1().accountId(), false, "SECRETARY");
        long rota = fixture.rota(t.area1(), "两周排班", today.minusDays(3), 14, "PUBLISHED");
        long gate = fixture.post(t, t.compound1(), "东门门岗");
        gateToday = fixture.postShift(rota, t.compound1(), gate, 1, today, volunteer);
        gateTomorrow = fixture.postShift(rota, t.compound1(), gate, 1, today.plusDays(1), volunteer);
        othersShift = fixture.postShift(rota, t.compound1(), gate, 2, today, secretary);
        // the secretary's seat on the day after tomorrow, held by the volunteer while the secretary rests
        fixture.seatShift(rota, t.area1(), secretary, today.plusDays(2), volunteer);
        long draft = fixture.rota(t.area1(), "草稿", today, 7, "DRAFT");
        fixture.postShift(draft, t.compound1(), gate, 1, today.plusDays(3), volunteer);
    }

    @Test
    void aPersonSeesTheirOwnShiftsOfPublishedRotasTodayFirst() {
        MyShiftList mine = myShifts.mine(t.volunteer1());
        assertThat(mine.linked()).isTrue();
        assertThat(mine.today()).extracting(MyShift::shiftId).containsExactly(gateToday);
        assertThat(mine.coming()).hasSize(2).first().extracting(MyShift::shiftId).isEqualTo(gateTomorrow);
        assertThat(mine.coming().get(1).covering()).isTrue();
        assertThat(mine.coming().get(1).coveredName()).isEqualTo("书记乙" + t.n());
        assertThat(mine.today().getFirst().postName()).isEqualTo("东门门岗");
        assertThat(mine.today().getFirst().placeName()).isEqualTo("星火一村");
        assertThat(myShifts.mine(t.secretary1()).today()).extracting(MyShift::shiftId).containsExactly(othersShift);
    }

    @Test
    void thePhonePageShowsTheCardsAndTheCoveredSeat() throws Exception {
        String body = page(t.volunteer1(), get("/my-shifts"), 200);
        assertThat(body).contains("shift-" + gateToday, "shift-" + gateTomorrow, "东门门岗 · 星火一村",
                "顶岗书记书记乙" + t.n(), "start-" + gateToday).doesNotContain("shift-" + othersShift)
                .doesNotContain("start-" + gateTomorrow);
    }

    @Test
    void theChecklistPageListsEveryItemInTheReadersLanguage() throws Exception {
        String body = page(t.volunteer1(), get("/my-shifts/" + gateToday + "/start"), 200);
        assertThat(body).contains("name=\"clientId\"", "data-testid=\"confirm\"");
        standard.items().forEach(item -> assertThat(body).contains(item.nameZh(), "item-" + item.code()));
        assertThat(page(t.volunteer1(), get("/my-shifts/" + gateToday + "/start").param("lang", "en"), 200))
                .contains(standard.items().getFirst().nameEn());
    }

    @Test
    void someoneWithoutAWorkforcePersonIsToldWhy() throws Exception {
        assertThat(page(t.leader1(), get("/my-shifts"), 200)).contains("id=\"not-linked\"", "还没有关联");
        assertThat(myShifts.mine(t.leader1()).linked()).isFalse();
    }

    @Test
    void anotherPersonsShiftIsNotFound() throws Exception {
        page(t.volunteer1(), get("/my-shifts/" + othersShift + "/start"), 404);
        page(t.volunteer1(), post("/my-shifts/" + othersShift + "/start").param("clientId", UUID.randomUUID().toString())
                .param("item", codes().toArray(String[]::new)), 404);
        page(t.leader1(), get("/my-shifts/" + gateToday + "/start"), 404);
        assertThat(db.fetchCount(SHIFT_START, SHIFT_START.SHIFT_ID.eq(othersShift))).isZero();
    }

    @Test
    void aMissingItemIsRefusedByName() throws Exception {
        List<String> ticked = codes().subList(0, codes().size() - 1);
        ProtectionItem missing = standard.items().getLast();
        String body = page(t.volunteer1(), post("/my-shifts/" + gateToday + "/start")
                .param("clientId", UUID.randomUUID().toString()).param("item", ticked.toArray(String[]::new)), 400);
        assertThat(body).contains("还有未勾选的项目", missing.nameZh()).doesNotContain(standard.items().getFirst().nameZh() + "、");
        String english = page(t.volunteer1(), post("/my-shifts/" + gateToday + "/start").param("lang", "en")
                .param("clientId", UUID.randomUUID().toString()).param("item", ticked.toArray(String[]::new)), 400);
        assertThat(english).contains("Not ticked yet", missing.nameEn());
        assertThat(db.fetchCount(SHIFT_START, SHIFT_START.SHIFT_ID.eq(gateToday))).isZero();
    }

    @Test
    void theFullChecklistIsRecordedOnceWhateverTheRetries() throws Exception {
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            page(t.volunteer1(), post("/my-shifts/" + gateToday + "/start").param("clientId", key)
                    .param("item", codes().toArray(String[]::new)), 302);
        }
        assertThat(db.fetchCount(SHIFT_START, SHIFT_START.SHIFT_ID.eq(gateToday))).isOne();
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("SHIFT"), AUDIT_EVENT.OBJECT_ID.eq(gateToday)))
                .isOne();
        MyShift started = myShifts.shift(t.volunteer1(), gateToday);
        assertThat(started.started()).isTrue();
        assertThat(page(t.volunteer1(), get("/my-shifts"), 200)).contains("已确认防护 ")
                .doesNotContain("start-" + gateToday);
    }

    @Test
    void aShiftStartsOnlyOnItsDay() throws Exception {
        String body = page(t.volunteer1(), post("/my-shifts/" + gateTomorrow + "/start")
                .param("clientId", UUID.randomUUID().toString()).param("item", codes().toArray(String[]::new)), 400);
        assertThat(body).contains("只能在当天确认上岗", today.plusDays(1).toString());
        assertThat(db.fetchCount(SHIFT_START, SHIFT_START.SHIFT_ID.eq(gateTomorrow))).isZero();
    }

    private List<String> codes() {
        return standard.items().stream().map(ProtectionItem::code).toList();
    }

    private String page(HaolinUser user, MockHttpServletRequestBuilder request, int status) throws Exception {
        RequestPostProcessor as = authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("SIGNED_IN")));
        return mvc.perform(request.with(as).with(csrf())).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
