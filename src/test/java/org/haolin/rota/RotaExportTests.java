package org.haolin.rota;

import org.haolin.roster.Sheets;
import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.HaolinUser;
import org.haolin.platform.XlsxDownload;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static haolin.schema.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

@HaolinTest
class RotaExportTests {

    @Autowired
    TestTown testTown;
    @Autowired
    DSLContext db;
    @Autowired
    Clock clock;
    @Autowired
    MockMvc mvc;

    TestTown.Town t;
    LocalDate first;
    long rota;
    String volunteer;
    String secretary;
    String cadre;

    /** Two days of area 1: the gate's two slots (the second uncovered) and the secretary's seat, covered on day 2. */
    @BeforeEach
    void setUp() {
        t = testTown.create();
        first = LocalDate.now(clock);
        ShiftFixture fixture = new ShiftFixture(db);
        volunteer = "志愿者甲" + t.n();
        secretary = "书记乙" + t.n();
        cadre = "处长丁" + t.n();
        long v = fixture.person(t.area1(), volunteer, null, true, null);
        long s = fixture.person(t.area1(), secretary, null, false, "SECRETARY");
        long c = fixture.person(t.town(), cadre, null, false, "DIVISION");
        rota = fixture.rota(t.area1(), "十二月第一期", first, 2, "PUBLISHED");
        long gate = fixture.post(t, t.compound1(), "东门门岗");
        for (int d = 0; d < 2; d++) {
            fixture.postShift(rota, t.compound1(), gate, 1, first.plusDays(d), v);
            fixture.postShift(rota, t.compound1(), gate, 2, first.plusDays(d), null);
        }
        fixture.seatShift(rota, t.area1(), s, first, s);
        fixture.seatShift(rota, t.area1(), s, first.plusDays(1), c);
    }

    @Test
    void theRotaIsARealWorkbookWithNamesAndSubstitutesMarked() throws Exception {
        MockHttpServletResponse response = download(t.secretary1());
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo(XlsxDownload.CONTENT_TYPE);
        List<List<String>> rows = Sheets.read(response.getContentAsByteArray());
        assertThat(rows.getFirst().getFirst()).contains("星火居民区", "十二月第一期", first.toString(),
                first.plusDays(1).toString());
        assertThat(rows.get(1)).containsExactly("地点", "岗位或值班席位", first.toString(), first.plusDays(1).toString());
        assertThat(rows.get(2)).containsExactly("星火一村", "东门门岗（第1人）", volunteer, volunteer);
        assertThat(rows.get(3)).containsExactly("星火一村", "东门门岗（第2人）", "（空缺）", "（空缺）");
        assertThat(rows.get(4)).containsExactly("星火居民区", secretary + "的值班席位", secretary, cadre + "（顶岗）");
        assertThat(rows).hasSize(5);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("EXPORT"), AUDIT_EVENT.OBJECT_TYPE.eq("ROTA"),
                AUDIT_EVENT.OBJECT_ID.eq(rota))).isOne();
    }

    @Test
    void onlyThoseKeepingTheRotaOfItsAreaGetIt() throws Exception {
        assertThat(download(t.townAdmin()).getStatus()).isEqualTo(200);
        TestTown.Town elsewhere = testTown.create();
        for (HaolinUser outsider : List.of(t.leader2(), t.socialWorker1(), t.volunteer1(), elsewhere.townAdmin(),
                t.systemAdmin())) {
            MockHttpServletResponse response = download(outsider);
            assertThat(response.getStatus()).as(outsider.username()).isEqualTo(404);
            assertThat(response.getContentAsString()).doesNotContain(volunteer);
        }
    }

    private MockHttpServletResponse download(HaolinUser user) throws Exception {
        return mvc.perform(get("/rotas/" + rota + "/export.xlsx").with(authentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null,
                        AuthorityUtils.createAuthorityList("SIGNED_IN"))))).andReturn().getResponse();
    }
}
