package org.haolin.rota;

import org.haolin.roster.Sheets;
import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.HaolinUser;
import org.haolin.platform.DomainException;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HaolinTest
class HoursTests {

    @Autowired
    TestTown testTown;
    @Autowired
    DSLContext db;
    @Autowired
    Clock clock;
    @Autowired
    Hours hours;
    @Autowired
    MyShifts myShifts;
    @Autowired
    MockMvc mvc;

    TestTown.Town t;
    LocalDate today;
    String volunteerName;
    String area2Name;

    /**
     * The volunteer of area 1 holds four shifts of 4.5 hours: two started (ten days ago and today), one never
     * started, and one started in a draft rota. A volunteer of area 2 has one started shift there.
     */
    @BeforeEach
    void setUp() {
        t = testTown.create();
        today = LocalDate.now(clock);
        ShiftFixture fixture = new ShiftFixture(db);
        volunteerName = "志愿者甲" + t.n();
        area2Name = "志愿者丙" + t.n();
        long volunteer = fixture.person(t.area1(), volunteerName, t.volunteer1().accountId(), true, null);
        long other = fixture.person(t.area2(), area2Name, null, true, null);
        long rota = fixture.rota(t.area1(), "排班", today.minusDays(10), 14, "PUBLISHED");
        long gate = fixture.post(t, t.compound1(), "东门门岗");
        fixture.started(fixture.postShift(rota, t.compound1(), gate, 1, today.minusDays(10), volunteer));
        fixture.postShift(rota, t.compound1(), gate, 1, today.minusDays(9), volunteer);
        fixture.started(fixture.postShift(rota, t.compound1(), gate, 1, today, volunteer));
        long draft = fixture.rota(t.area1(), "草稿", today.minusDays(5), 7, "DRAFT");
        fixture.started(fixture.postShift(draft, t.compound1(), gate, 1, today.minusDays(5), volunteer));
        long rota2 = fixture.rota(t.area2(), "排班", today.minusDays(3), 7, "PUBLISHED");
        long gate2 = fixture.post(t, t.compound2(), "南门门岗");
        fixture.started(fixture.postShift(rota2, t.compound2(), gate2, 1, today.minusDays(3), other));
    }

    @Test
    void onlyStartedShiftsOfPublishedRotasCount() {
        HoursReport report = hours.report(t.secretary1(), null);
        assertThat(report.area().id()).isEqualTo(t.area1().id());
        assertThat(report.people()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo(volunteerName);
            assertThat(p.volunteer()).isTrue();
            assertThat(p.total()).isEqualByComparingTo("9.0");
            assertThat(p.in(YearMonth.from(today))).isEqualByComparingTo(
                    YearMonth.from(today).equals(YearMonth.from(today.minusDays(10))) ? "9.0" : "4.5");
        });
        assertThat(myShifts.mine(t.volunteer1()).startedHours()).isEqualByComparingTo("9.0");
    }

    @Test
    void theTownSeesBothAreasAndTheWorkforceKeeperSeesTheirs() {
        assertThat(hours.report(t.townAdmin(), t.town().id()).people()).extracting(PersonHours::name)
                .containsExactlyInAnyOrder(volunteerName, area2Name);
        assertThat(hours.report(t.socialWorker1(), t.area1().id()).people()).extracting(PersonHours::total)
                .containsExactly(new BigDecimal("9.0"));
    }

    @Test
    void outsideTheScopeThereIsNothing() {
        assertThatThrownBy(() -> hours.report(t.secretary1(), t.area2().id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
        TestTown.Town elsewhere = testTown.create();
        assertThatThrownBy(() -> hours.report(elsewhere.townAdmin(), t.area1().id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThat(hours.report(elsewhere.townAdmin(), null).people()).isEmpty();
        assertThatThrownBy(() -> hours.report(t.leader1(), t.area1().id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThatThrownBy(() -> hours.report(t.volunteer1(), null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
    }

    @Test
    void thePageAndTheWorkbookShowTheHours() throws Exception {
        String page = mvc.perform(get("/rotas/hours").param("areaId", String.valueOf(t.area1().id())).with(as(t.secretary1())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains(volunteerName, "9.0").doesNotContain(area2Name);
        byte[] xlsx = mvc.perform(get("/rotas/hours/export.xlsx").with(as(t.secretary1())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = Sheets.read(xlsx);
        assertThat(rows.getFirst().getFirst()).contains("星火居民区");
        assertThat(rows.get(2)).startsWith(volunteerName, "星火居民区");
        assertThat(new BigDecimal(rows.get(2).getLast())).isEqualByComparingTo("9.0");
        assertThat(rows).hasSize(3);
        assertThat(Sheets.read(hours.export(t.secretary1(), null, Locale.ENGLISH)).get(1)).contains("Total");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(HaolinUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("SIGNED_IN")));
    }
}
