package org.haolin.screening;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.HaolinUser;
import org.haolin.resident.PersonalCodes;
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

/** The scan station page: who gets it, at which point, and with what the script needs. */
@HaolinTest
class StationPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTown testTown;
    @Autowired
    DSLContext db;
    @Autowired
    PersonalCodes personalCodes;

    private static RequestPostProcessor as(HaolinUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("SIGNED_IN")));
    }

    /** Points at compound 1 (staffed by building 2's leader, who may not screen there) and compound 2. */
    private ScanFixture.Planned campaign(TestTown.Town town) {
        ScanFixture fixture = new ScanFixture(db, personalCodes);
        ScanFixture.Planned planned = fixture.open(town, 10);
        fixture.staff(planned.point1(), town.leader2().accountId(), town.leader2().displayName());
        return planned;
    }

    @Test
    void theStaffOfAPointGetTheStationWithTheirPointTubeSizeAndTheScriptsButNoInlineScript() throws Exception {
        TestTown.Town town = testTown.create();
        ScanFixture.Planned planned = campaign(town);
        mvc.perform(get("/campaigns/{id}/station", planned.id()).with(as(town.leader2())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-point-id=\"" + planned.point1() + "\"")))
                .andExpect(content().string(containsString("data-tube-size=\"10\"")))
                .andExpect(content().string(containsString("星火一村采样点")))
                .andExpect(content().string(containsString("id=\"scan-input\"")))
                .andExpect(content().string(containsString("/js/station.js")))
                .andExpect(content().string(containsString("/js/vendor/jsQR.js")))
                .andExpect(content().string(not(containsString("<script>"))));
    }

    @Test
    void whoMayScreenAtSeveralPointsChoosesOneAndWhoMayScreenAtOneGetsIt() throws Exception {
        TestTown.Town town = testTown.create();
        ScanFixture.Planned planned = campaign(town);
        mvc.perform(get("/campaigns/{id}/station", planned.id()).with(as(town.townAdmin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"choose-point\"")))
                .andExpect(content().string(containsString("pointId=" + planned.point1())))
                .andExpect(content().string(containsString("pointId=" + planned.point2())))
                .andExpect(content().string(not(containsString("id=\"scan-input\""))));
        mvc.perform(get("/campaigns/{id}/station", planned.id()).param("pointId", String.valueOf(planned.point2()))
                        .with(as(town.townAdmin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-point-id=\"" + planned.point2() + "\"")));
        mvc.perform(get("/campaigns/{id}/station", planned.id()).with(as(town.secretary1())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-point-id=\"" + planned.point1() + "\"")));
    }

    @Test
    void anyoneElseIsToldThereIsNoSuchStation() throws Exception {
        TestTown.Town town = testTown.create();
        TestTown.Town elsewhere = testTown.create();
        ScanFixture.Planned planned = campaign(town);
        for (HaolinUser outsider : new HaolinUser[] {town.leader1(), town.epidemicOffice(), elsewhere.townAdmin(),
                town.systemAdmin()}) {
            mvc.perform(get("/campaigns/{id}/station", planned.id()).with(as(outsider)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(not(containsString("星火一村采样点"))));
        }
        // the point's staff, asking for the campaign's other point, or for a point of another campaign
        ScanFixture.Planned other = new ScanFixture(db, personalCodes).open(elsewhere, 10);
        for (long point : new long[] {planned.point2(), other.point1()}) {
            mvc.perform(get("/campaigns/{id}/station", planned.id()).param("pointId", String.valueOf(point))
                            .with(as(town.leader2())))
                    .andExpect(status().isNotFound());
        }
    }
}
