package org.haolin.journey;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.haolin.TestTown;
import org.haolin.resident.TagAssignments;
import org.haolin.resident.TagAssignments.TagOrder;
import org.haolin.resident.TagSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** On a phone, the building leader's unread count grows without reloading, and the inbox leads to the list. */
class NotificationJourneyTests extends Journey {

    @Autowired
    TagAssignments tags;

    @Test
    void theBuildingLeaderSeesANewKeyGroupTagArriveAndOpensTheStairwellList() {
        TestTown.Town town = testTown.create();
        Page page = open(Screen.PHONE);
        signIn(page, town.leader1());
        assertThat(page.locator("#nav-inbox")).isVisible();
        assertThat(page.locator("#inbox-unread")).hasCount(0);

        tags.assign(town.epidemicOffice(), List.of(TagOrder.now(town.residents().getFirst(), "DISCHARGED_FROM_HOSPITAL")),
                TagSource.OFFICE_LIST, "journey-" + town.n());
        assertThat(page.locator("#inbox-unread")).hasText("1", new LocatorAssertions.HasTextOptions().setTimeout(15_000));

        page.locator("#nav-inbox").click();
        assertThat(page).hasURL(Pattern.compile("/inbox$"));
        assertThat(page.locator("#notifications")).containsText("星火一村 5号楼2单元：301室 出院（来自防疫办名单）");
        page.locator("#notifications a").first().click();
        assertThat(page).hasURL(Pattern.compile("/stairwells/" + town.stairwell1().id() + "$"));
        assertThat(page.locator("#roster")).containsText("出院");
    }
}
