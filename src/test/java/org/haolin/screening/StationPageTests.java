package org.haolin.screening;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.HaolinUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HaolinTest
class StationPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTown testTown;
    @Autowired
    DSLContext db;

    private static RequestPostProcessor as(HaolinUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("SIGNED_IN")));
    }

    @Test
    void theStaffOfAPointGetTheStationWithTheirPointTubeSizeAndTheScriptsButNoInlineScript() throws Exception {
        TestTown.Town town = testTown.create();
        StationFixture.Station station = StationFixture.open(db, town, 10, town.leader2());
        mvc.perform(get("/campaigns/{id}/station", station.campaignId()).with(as(town.leader2())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-point-id=\"" + station.pointId() + "\"")))
                .andExpect(content().string(containsString("data-tube-size=\"10\"")))
                .andExpect(content().string(containsString("星火一村采样点")))
                .andExpect(content().string(containsString("id=\"scan-input\"")))
                .andExpect(content().string(containsString("/js/station.js")))
                .andExpect(content().string(containsString("/js/vendor/jsQR.js")))
                .andExpect(content().string(not(containsString("<script>"))));
    }

    @Test
    void whoMayScreenInTheAreaChoosesAmongThePointsTheyMayScanAt() throws Exception {
        TestTown.Town town = testTown.create();
        StationFixture.Station first = StationFixture.open(db, town, 1);
        long second = StationFixture.addPoint(db, town, first.campaignId(), "星火一村北门");
        mvc.perform(get("/campaigns/{id}/station", first.campaignId()).with(as(town.secretary1())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"choose-point\"")))
                .andExpect(content().string(containsString("pointId=" + second)))
                .andExpect(content().string(not(containsString("id=\"scan-input\""))));
        mvc.perform(get("/campaigns/{id}/station", first.campaignId()).param("pointId", String.valueOf(second))
                        .with(as(town.secretary1())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-point-id=\"" + second + "\"")));
    }

    @Test
    void anyoneElseIsToldThereIsNoSuchStation() throws Exception {
        TestTown.Town town = testTown.create();
        TestTown.Town elsewhere = testTown.create();
        StationFixture.Station station = StationFixture.open(db, town, 10, town.leader2());
        for (HaolinUser outsider : new HaolinUser[] {town.leader1(), town.epidemicOffice(), elsewhere.townAdmin(),
                town.systemAdmin()}) {
            mvc.perform(get("/campaigns/{id}/station", station.campaignId()).with(as(outsider)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(not(containsString("星火一村采样点"))));
        }
        // staff of the point, but not of a point given that belongs to someone else's campaign
        StationFixture.Station other = StationFixture.open(db, elsewhere, 10);
        mvc.perform(get("/campaigns/{id}/station", station.campaignId()).param("pointId", String.valueOf(other.pointId()))
                        .with(as(town.leader2())))
                .andExpect(status().isNotFound());
    }
}
