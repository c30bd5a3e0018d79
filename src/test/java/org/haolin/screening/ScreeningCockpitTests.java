package org.haolin.screening;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.OffsetDateTime;
import java.util.List;

import static haolin.schema.Tables.CAMPAIGN;
import static org.hamcrest.Matchers.containsString;
import static org.haolin.screening.ResultsTests.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The screening part of the town overview: progress per residential area, door to door, positive tubes. */
@HaolinTest
class ScreeningCockpitTests {

    @Autowired
    TestTown testTown;
    @Autowired
    DSLContext db;
    @Autowired
    TubeResults results;
    @Autowired
    MockMvc mvc;

    TestTown.Town t;
    ResultsFixture.Campaign campaign;

    @BeforeEach
    void setUp() {
        t = testTown.create();
        ResultsFixture fixture = new ResultsFixture(db);
        campaign = fixture.campaign(t, t.town(), "全员核酸" + t.n());
        fixture.progress(campaign, t.stairwell1(), 3, 2, 1, 1);
        fixture.progress(campaign, t.stairwell2(), 2, 1, 1, 0);
        fixture.tube(campaign, t, "P-" + t.n(), List.of(t.residents().get(0)));
        results.enter(t.epidemicOffice(), campaign.id(), List.of(new ResultEntry("P-" + t.n(), "POSITIVE")));
        ResultsFixture.Campaign old = fixture.campaign(t, t.town(), "上周核酸" + t.n());
        db.update(CAMPAIGN).set(CAMPAIGN.STATE, "CLOSED")
                .set(CAMPAIGN.STARTS_AT, OffsetDateTime.now().minusDays(8))
                .set(CAMPAIGN.ENDS_AT, OffsetDateTime.now().minusDays(7)).where(CAMPAIGN.ID.eq(old.id())).execute();
    }

    @Test
    void theTownSeesProgressPerResidentialAreaDoorToDoorAndPositiveTubes() throws Exception {
        mvc.perform(get("/cockpit/data").with(as(t.townAdmin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.screening.length()").value(1))
                .andExpect(jsonPath("$.screening[0].id").value(campaign.id()))
                .andExpect(jsonPath("$.screening[0].areas.length()").value(2))
                .andExpect(jsonPath("$.screening[0].areas[0].areaId").value(t.area1().id()))
                .andExpect(jsonPath("$.screening[0].areas[0].name").value("星火居民区"))
                .andExpect(jsonPath("$.screening[0].areas[0].expected").value(3))
                .andExpect(jsonPath("$.screening[0].areas[0].sampled").value(2))
                .andExpect(jsonPath("$.screening[0].areas[0].percent").value(66))
                .andExpect(jsonPath("$.screening[0].areas[1].areaId").value(t.area2().id()))
                .andExpect(jsonPath("$.screening[0].total.expected").value(5))
                .andExpect(jsonPath("$.screening[0].total.sampled").value(3))
                .andExpect(jsonPath("$.screening[0].total.percent").value(60))
                .andExpect(jsonPath("$.screening[0].total.doorToDoorExpected").value(2))
                .andExpect(jsonPath("$.screening[0].total.doorToDoorSampled").value(1))
                .andExpect(jsonPath("$.screening[0].positiveTubes").value(1))
                .andExpect(jsonPath("$.screening[0].positivesHref").value("/campaigns/" + campaign.id() + "/positives"));
        mvc.perform(get("/cockpit").with(as(t.townAdmin())).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"campaign-" + campaign.id() + "-total\"")))
                .andExpect(content().string(containsString("1 positive tubes")));
    }

    @Test
    void aResidentialAreaSeesOnlyItsOwnFiguresAndAnotherTownNone() throws Exception {
        mvc.perform(get("/cockpit/data").with(as(t.secretary1())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.screening[0].areas.length()").value(1))
                .andExpect(jsonPath("$.screening[0].total.expected").value(3))
                .andExpect(jsonPath("$.screening[0].positiveTubes").value(1));
        mvc.perform(get("/cockpit/data").param("area", String.valueOf(t.area2().id())).with(as(t.townAdmin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.screening[0].areas.length()").value(1))
                .andExpect(jsonPath("$.screening[0].total.sampled").value(1))
                .andExpect(jsonPath("$.screening[0].positiveTubes").value(0));
        mvc.perform(get("/cockpit/data").with(as(testTown.create().townAdmin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.screening.length()").value(0));
    }
}
