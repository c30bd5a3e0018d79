package org.haolin.screening;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.HaolinUser;
import org.haolin.platform.DomainException;
import org.haolin.roster.Sheets;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.util.List;

import static haolin.schema.Tables.AUDIT_EVENT;
import static haolin.schema.Tables.TUBE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HaolinTest
class ResultsTests {

    @Autowired
    TestTown testTown;
    @Autowired
    DSLContext db;
    @Autowired
    TubeResults results;
    @Autowired
    MockMvc mvc;

    TestTown.Town t;
    ResultsFixture fixture;
    ResultsFixture.Campaign campaign;

    @BeforeEach
    void setUp() {
        t = testTown.create();
        fixture = new ResultsFixture(db);
        campaign = fixture.campaign(t, t.town(), "全员核酸" + t.n());
    }

    @Test
    void aResultEnteredByTubeCodeIsRecordedWithItsSourceAuthorAndAudit() {
        long tube = fixture.tube(campaign, t, "T1-" + t.n(), List.of(t.residents().get(0)));

        ResultsApplied applied = results.enter(t.epidemicOffice(), campaign.id(),
                List.of(new ResultEntry(" T1-" + t.n() + " ", "阴性")));

        assertThat(applied.applied()).isEqualTo(1);
        assertThat(applied.problems()).isEmpty();
        var row = db.selectFrom(TUBE).where(TUBE.ID.eq(tube)).fetchOne();
        assertThat(row.getResult()).isEqualTo("NEGATIVE");
        assertThat(row.getResultSource()).isEqualTo("ENTERED");
        assertThat(row.getResultByName()).isNotBlank();
        assertThat(row.getResultAt()).isNotNull();
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("SCREENING_RESULT"), AUDIT_EVENT.OBJECT_ID.eq(tube)))
                .isEqualTo(1);
    }

    @Test
    void aDifferentResultForARecordedTubeIsRefusedAndTheFirstStays() {
        long tube = fixture.tube(campaign, t, "T1-" + t.n(), List.of(t.residents().get(0)));
        results.enter(t.epidemicOffice(), campaign.id(), List.of(new ResultEntry("T1-" + t.n(), "NEGATIVE")));

        ResultsApplied again = results.enter(t.epidemicOffice(), campaign.id(),
                List.of(new ResultEntry("T1-" + t.n(), "POSITIVE")));

        assertThat(again.applied()).isZero();
        assertThat(again.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(1);
            assertThat(p.field()).isEqualTo(ResultField.RESULT);
            assertThat(p.messageKey()).isEqualTo("screening.result.row.conflict.NEGATIVE");
        });
        assertThat(fixture.result(tube)).isEqualTo("NEGATIVE");
    }

    @Test
    void aLabWorkbookAppliesItsGoodRowsNamesEveryBadOneAndChangesNothingWhenImportedAgain() {
        int n = t.n();
        long t1 = fixture.tube(campaign, t, "A1-" + n, List.of(t.residents().get(0)));
        long t2 = fixture.tube(campaign, t, "A2-" + n, List.of(t.residents().get(1)));
        long t3 = fixture.tube(campaign, t, "A3-" + n, List.of(t.residents().get(2)));
        long t4 = fixture.tube(campaign, t, "A4-" + n, List.of(t.residents().get(3)));
        long t5 = fixture.tube(campaign, t, "A5-" + n, List.of(t.residents().get(4)));
        results.enter(t.epidemicOffice(), campaign.id(), List.of(new ResultEntry("A5-" + n, "NEGATIVE")));
        byte[] file = Sheets.xlsx(List.of("序号", "试管编号", "检测结果"), List.of(
                List.of("1", "A1-" + n, "阴性"),       // row 2: good
                List.of("2", "A2-" + n, "无效"),       // row 3: good
                List.of("3", "ZZ-" + n, "阴性"),       // row 4: unknown tube
                List.of("4", "A3-" + n, "待定"),       // row 5: unknown result
                List.of("5", "A4-" + n, "阴性"),       // row 6: duplicate
                List.of("6", "A4-" + n, "阴性"),       // row 7: duplicate
                List.of("7", "A5-" + n, "阳性")));     // row 8: conflicts with the recorded negative

        ResultsApplied first = results.importWorkbook(t.epidemicOffice(), campaign.id(), new ByteArrayInputStream(file));

        assertThat(first.applied()).isEqualTo(2);
        assertThat(first.problems()).extracting(p -> p.row() + " " + p.field() + " " + p.messageKey()).containsExactly(
                "4 TUBE_CODE screening.result.row.unknownTube",
                "5 RESULT screening.result.row.unknownResult",
                "6 TUBE_CODE screening.result.row.duplicate",
                "7 TUBE_CODE screening.result.row.duplicate",
                "8 RESULT screening.result.row.conflict.NEGATIVE");
        assertThat(List.of(fixture.result(t1), fixture.result(t2))).containsExactly("NEGATIVE", "INVALID");
        assertThat(fixture.source(t1)).isEqualTo("IMPORTED");
        assertThat(fixture.result(t3)).isNull();
        assertThat(fixture.result(t4)).isNull();
        assertThat(fixture.result(t5)).isEqualTo("NEGATIVE");

        ResultsApplied again = results.importWorkbook(t.epidemicOffice(), campaign.id(), new ByteArrayInputStream(file));

        assertThat(again.applied()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.problems()).hasSize(5);
        assertThat(List.of(fixture.result(t1), fixture.result(t2), fixture.result(t5)))
                .containsExactly("NEGATIVE", "INVALID", "NEGATIVE");
    }

    @Test
    void aWorkbookWithoutTheColumnsOrNotAWorkbookIsRefusedWhole() {
        byte[] noResult = Sheets.xlsx(List.of("Tube code", "Remarks"), List.of(List.of("A1", "x")));
        assertThatThrownBy(() -> results.importWorkbook(t.epidemicOffice(), campaign.id(),
                new ByteArrayInputStream(noResult)))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("screening.result.file.noHeader");
        assertThatThrownBy(() -> results.importWorkbook(t.epidemicOffice(), campaign.id(),
                new ByteArrayInputStream("code,result\nA1,NEGATIVE\n".getBytes())))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("import.file.notXlsx");
    }

    @Test
    void onlyThoseWhoEnterResultsOverTheCampaignAreaReachIt() {
        fixture.tube(campaign, t, "T1-" + t.n(), List.of(t.residents().get(0)));
        for (HaolinUser outsider : List.of(t.secretary1(), t.leader1(), testTown.create().townAdmin())) {
            assertThatThrownBy(() -> results.enter(outsider, campaign.id(),
                    List.of(new ResultEntry("T1-" + t.n(), "NEGATIVE"))))
                    .isInstanceOf(DomainException.class).extracting("messageKey")
                    .isEqualTo("screening.result.campaign.notFound");
        }
        assertThat(results.enter(t.townAdmin(), campaign.id(), List.of(new ResultEntry("T1-" + t.n(), "NEGATIVE")))
                .applied()).isEqualTo(1);
    }

    @Test
    void theApiTakesJsonAndWorkbooksWithEnglishHeadersAndNamesBadRows() throws Exception {
        long t1 = fixture.tube(campaign, t, "B1-" + t.n(), List.of(t.residents().get(0)));
        long t2 = fixture.tube(campaign, t, "B2-" + t.n(), List.of(t.residents().get(1)));
        mvc.perform(post("/api/v1/campaigns/" + campaign.id() + "/results").with(as(t.epidemicOffice()))
                        .param("lang", "en").contentType("application/json")
                        .content("[{\"tubeCode\":\"B1-" + t.n() + "\",\"result\":\"NEGATIVE\"},"
                                + "{\"tubeCode\":\"NOPE\",\"result\":\"NEGATIVE\"}]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(1))
                .andExpect(jsonPath("$.problems[0].row").value(2))
                .andExpect(jsonPath("$.problems[0].field").value("TUBE_CODE"))
                .andExpect(jsonPath("$.problems[0].reason").value("there is no tube NOPE in this campaign"));
        byte[] file = Sheets.xlsx(List.of("Tube code", "Result"), List.of(List.of("B2-" + t.n(), "invalid")));
        mvc.perform(multipart("/api/v1/campaigns/" + campaign.id() + "/results/import")
                        .file(new MockMultipartFile("file", "lab.xlsx", null, file)).with(as(t.epidemicOffice())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.applied").value(1));
        assertThat(List.of(fixture.result(t1), fixture.result(t2))).containsExactly("NEGATIVE", "INVALID");
    }

    @Test
    void theResultsPageEntersOneTubeAndShowsTheOutcomeAndTheLatestResults() throws Exception {
        fixture.tube(campaign, t, "C1-" + t.n(), List.of(t.residents().get(0), t.residents().get(1)));
        mvc.perform(post("/campaigns/" + campaign.id() + "/results").with(as(t.epidemicOffice())).with(csrf())
                        .param("lang", "en").param("tubeCode", "C1-" + t.n()).param("result", "NEGATIVE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 results recorded, 0 already recorded, 0 rows not taken.")))
                .andExpect(content().string(containsString("id=\"tube-C1-" + t.n() + "\"")));
        mvc.perform(get("/campaigns/" + campaign.id() + "/results").with(as(t.epidemicOffice())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("C1-" + t.n())));
        mvc.perform(get("/campaigns/" + campaign.id() + "/results").with(as(t.secretary1())))
                .andExpect(status().isNotFound());
    }

    static RequestPostProcessor as(HaolinUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("SIGNED_IN")));
    }
}
