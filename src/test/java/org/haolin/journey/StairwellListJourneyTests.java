package org.haolin.journey;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.haolin.TestTown;
import org.haolin.access.HaolinUser;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Issue 2's journey: a building leader keeps their stairwell list, and the town admin sees it in the audit. */
class StairwellListJourneyTests extends Journey {

    @Test
    void aBuildingLeaderTagsAResidentSeesItOnTheListInBothLanguagesAndTheAdminFindsItInTheAudit() {
        TestTown.Town town = testTown.create();
        HaolinUser leader = town.leader1();
        long stairwell = town.stairwell1().id();
        long resident = town.residents().get(1);
        Page page = open(Screen.DESKTOP);

        signIn(page, leader);
        // Their scope is building 5: home leads there, and from there to its stairwell.
        assertThat(page).hasURL(Pattern.compile("/areas/" + town.building1().id() + "$"));
        page.locator("#children a").filter(new Locator.FilterOptions().setHasText("2单元")).click();
        assertThat(page).hasURL(Pattern.compile("/stairwells/" + stairwell + "$"));
        assertThat(page.locator("#roster tbody tr")).hasCount(3);

        page.locator("#resident-" + resident + " a").first().click();
        assertThat(page).hasURL(Pattern.compile("/residents/" + resident + "$"));
        page.locator("#add-tag select[name=tag]").selectOption("RECENTLY_VACCINATED");
        page.locator("#add-tag button[type=submit]").click();
        assertThat(page.locator("#current-tags")).containsText("近期接种");

        page.navigate(url("/stairwells/" + stairwell));
        assertThat(page.locator("#resident-" + resident)).containsText("近期接种");

        page.locator("#lang-en").click();
        assertThat(page.locator("h1")).containsText("Stairwell list");
        assertThat(page.locator("#roster thead")).containsText("Room");
        assertThat(page.locator("#resident-" + resident)).containsText("Recently vaccinated");

        page.locator("form[action$='/logout'] button").click();
        assertThat(page).hasURL(Pattern.compile("/login\\?logout$"));
        assertThat(page.locator(".alert-info")).containsText("You have signed out");

        signInWithSecondFactor(page, town.townAdmin());
        assertThat(page).hasURL(Pattern.compile("/cockpit$"));

        Response audit = page.navigate(url("/audit"));
        org.assertj.core.api.Assertions.assertThat(audit.status()).isEqualTo(200);
        Locator tagAdded = page.locator("tr")
                .filter(new Locator.FilterOptions().setHasText(leader.username()))
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("TAG_ADD|标签|\\btag", Pattern.CASE_INSENSITIVE)));
        assertThat(tagAdded.first()).isVisible();
    }
}
