package org.haolin.journey;

import com.microsoft.playwright.Page;
import org.haolin.TestTown;
import org.haolin.resident.PersonalCodes;
import org.haolin.screening.StationFixture;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * 扫码采样 on a phone at a sampling point: a handheld scanner types each code and presses Enter into the page,
 * which keeps every scan on the device before sending it, so a lost network loses nothing.
 */
class ScanStationJourneyTests extends Journey {

    @Autowired
    DSLContext db;
    @Autowired
    PersonalCodes personalCodes;

    private String codeOf(TestTown.Town town, int resident) {
        return personalCodes.currentCode(town.town().id(), town.residents().get(resident), "test");
    }

    /** What a handheld scanner does: types into whatever has focus, then Enter. */
    private static void handheld(Page page, String code) {
        page.keyboard().type(code);
        page.keyboard().press("Enter");
    }

    private Page station(TestTown.Town town, StationFixture.Station station) {
        Page page = open(Screen.PHONE);
        signIn(page, town.leader2());
        page.navigate(url("/campaigns/" + station.campaignId() + "/station"));
        assertThat(page.locator("#point-name")).containsText("星火一村采样点");
        assertThat(page.locator("#pending")).hasAttribute("data-count", "0");
        return page;
    }

    @Test
    void offlineTheStationKeepsScansOnTheDeviceCountsThemAndWarnsOfAPersonScannedTwice() {
        TestTown.Town town = testTown.create();
        StationFixture.Station point = StationFixture.open(db, town, 10, town.leader2());
        Page page = station(town, point);
        page.context().setOffline(true);
        assertThat(page.locator("#network")).hasText("已断网：扫码先保存在本机");

        handheld(page, codeOf(town, 0));
        assertThat(page.locator("#result")).hasAttribute("data-outcome", "NEED_TUBE");
        handheld(page, "T" + town.n() + "01");
        assertThat(page.locator("#tube-code")).hasText("T" + town.n() + "01");
        handheld(page, codeOf(town, 0));
        assertThat(page.locator("#result")).hasAttribute("data-outcome", "QUEUED");
        handheld(page, codeOf(town, 1));
        assertThat(page.locator("#pending")).hasText("待上传：2");
        assertThat(page.locator("#tube-people")).hasText("已采 2 / 10 人");

        handheld(page, codeOf(town, 0));
        assertThat(page.locator("#result")).hasAttribute("data-outcome", "LOCAL_REPEAT");
        assertThat(page.locator("#result")).containsText("疑似重复");
        assertThat(page.locator("#pending")).hasAttribute("data-count", "3");

        // the page comes back without network (the service worker keeps it) with the queue and the open tube
        page.waitForFunction("navigator.serviceWorker.controller !== null");
        page.reload();
        assertThat(page.locator("#pending")).hasAttribute("data-count", "3");
        assertThat(page.locator("#tube-people")).hasText("已采 3 / 10 人");
        assertThat(page.locator("#network")).hasText("已断网：扫码先保存在本机");
    }
}
