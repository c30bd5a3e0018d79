package org.haolin.journey;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import org.haolin.TestTown;
import org.haolin.roster.Sheets;
import org.haolin.sweep.SweepRound;
import org.haolin.sweep.SweepRounds;
import org.haolin.sweep.SweepTeams;
import org.haolin.sweep.TeamRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The dynamic stairwell list on phones: the epidemic office pushes a key-group list, the building leader
 * sees the unread count grow without reloading, opens the notification, finds the resident highlighted on the
 * stairwell list, then sweeps the stairwell room by room and completes it.
 */
class DynamicStairwellListJourneyTests extends Journey {

    @Autowired
    SweepRounds rounds;
    @Autowired
    SweepTeams teams;

    @Test
    void theOfficePushesAListAndTheBuildingLeaderIsToldSeesTheHighlightAndSweepsTheStairwell() {
        TestTown.Town town = testTown.create();
        SweepRound round = rounds.open(town.secretary1(), town.area1().id());
        teams.assign(town.secretary1(), town.stairwell1().id(), TeamRole.BUILDING_LEADER, town.leader1().accountId());
        long discharged = town.residents().get(2); // room 402 of stairwell 1

        Page leader = open(Screen.PHONE);
        signIn(leader, town.leader1());
        assertThat(leader.locator("#nav-inbox")).isVisible();
        assertThat(leader.locator("#inbox-unread")).hasCount(0);

        Page office = open(Screen.PHONE);
        signInWithSecondFactor(office, town.epidemicOffice());
        office.navigate(url("/keygroup-lists"));
        office.locator("#tagCode").selectOption("DISCHARGED_FROM_HOSPITAL");
        office.locator("#title").fill("出院人员名单 " + town.n());
        office.locator("#file").setInputFiles(new FilePayload("出院名单.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Sheets.xlsx(
                        List.of("姓名", "身份证号", "手机号", "地址"), List.of(
                                List.of(town.names().get(2), town.idNumbers().get(2), "", ""),
                                List.of("查无此人" + town.n(), "", "", "星火一村５号楼２单元９０９室")))));
        office.locator("#upload button[type=submit]").click();
        assertThat(office.locator("#progress")).isVisible();
        office.locator("#apply button[type=submit]").click();
        assertThat(office.locator("#apply")).hasCount(0);

        assertThat(leader.locator("#inbox-unread")).hasText("1", new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        leader.locator("#nav-inbox").click();
        assertThat(leader.locator("#notifications")).containsText("402室 出院");
        assertThat(leader.locator("#notifications")).not().containsText(town.names().get(2));
        leader.locator("#notifications a").first().click();
        assertThat(leader).hasURL(Pattern.compile("/stairwells/" + town.stairwell1().id() + "$"));
        assertThat(leader.locator("#resident-" + discharged)).hasAttribute("data-highlight", "NEW_KEY_GROUP");
        assertThat(leader.locator("#resident-" + discharged)).containsText("★");
        assertThat(leader.locator("#highlight-legend")).isVisible();

        leader.navigate(url("/sweeps"));
        leader.getByTestId("my-stairwell-" + town.stairwell1().id()).click();
        assertThat(leader).hasURL(Pattern.compile("/sweeps/" + round.id() + "/stairwells/" + town.stairwell1().id()));
        assertThat(leader.getByTestId("complete-stairwell")).isDisabled();
        for (long resident : town.residents().subList(0, 3)) {
            leader.getByTestId((resident == discharged ? "mark-present-" : "mark-out-to-work-") + resident).click();
            assertThat(leader.getByTestId("marked-by-" + resident)).containsText(town.leader1().displayName());
        }
        leader.getByTestId("complete-stairwell").click();
        assertThat(leader.getByTestId("stairwell-completed")).isVisible();

        leader.navigate(url("/stairwells/" + town.stairwell1().id()));
        assertThat(leader.locator("#resident-" + town.residents().getFirst())).hasAttribute("data-highlight", "SWEPT_CHANGE");
        assertThat(leader.locator("#resident-" + town.residents().getFirst())).containsText("复工外出");
    }
}
