package org.haolin.journey;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.haolin.TestTown;
import org.haolin.resident.PersonalCodes;
import org.haolin.screening.ScanFixture;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static haolin.schema.Tables.CAMPAIGN_PROGRESS;
import static haolin.schema.Tables.SCREENING_CHECKIN;
import static haolin.schema.Tables.TUBE;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;

/**
 * 扫码采样 on a phone at a sampling point: a handheld scanner types each code and presses Enter into the page,
 * which keeps every scan on the device before sending it, so a lost network loses nothing and sends nothing
 * twice.
 */
class ScanStationJourneyTests extends Journey {

    @Autowired
    DSLContext db;
    @Autowired
    PersonalCodes personalCodes;

    /** An open campaign over the town; building 2's leader works the point at compound 1 (and only that one). */
    private ScanFixture.Planned campaign(TestTown.Town town, int tubeSize) {
        ScanFixture fixture = new ScanFixture(db, personalCodes);
        ScanFixture.Planned planned = fixture.open(town, tubeSize);
        fixture.staff(planned.point1(), town.leader2().accountId(), town.leader2().displayName());
        return planned;
    }

    private Page station(TestTown.Town town, ScanFixture.Planned planned) {
        return station(town, planned, open(Screen.PHONE));
    }

    private Page station(TestTown.Town town, ScanFixture.Planned planned, Page page) {
        signIn(page, town.leader2());
        page.navigate(url("/campaigns/" + planned.id() + "/station"));
        assertThat(page.locator("#point-name")).containsText("星火一村采样点");
        assertThat(page.locator("#pending")).hasAttribute("data-count", "0");
        return page;
    }

    /** What a handheld scanner does: types into whatever has focus, then Enter. */
    private static void handheld(Page page, String code) {
        page.keyboard().type(code);
        page.keyboard().press("Enter");
    }

    private Map<Long, Integer> rowsPerResident(long campaign) {
        return db.select(SCREENING_CHECKIN.RESIDENT_ID, count()).from(SCREENING_CHECKIN)
                .where(SCREENING_CHECKIN.CAMPAIGN_ID.eq(campaign)).groupBy(SCREENING_CHECKIN.RESIDENT_ID)
                .fetchMap(r -> r.value1(), r -> r.value2());
    }

    private int sampled(long campaign) {
        return db.select(sum(CAMPAIGN_PROGRESS.SAMPLED)).from(CAMPAIGN_PROGRESS)
                .where(CAMPAIGN_PROGRESS.CAMPAIGN_ID.eq(campaign)).fetchSingle().value1().intValue();
    }

    @Test
    void aHandheldScanIsRecordedAndScansMadeOfflineAreSentOnceWhenTheNetworkReturns() {
        TestTown.Town town = testTown.create();
        ScanFixture.Planned planned = campaign(town, 10);
        Page page = station(town, planned);

        handheld(page, "T" + town.n() + "01");
        assertThat(page.locator("#tube-code")).hasText("T" + town.n() + "01");
        handheld(page, planned.codes().get(0));
        assertThat(page.locator("#result")).hasAttribute("data-outcome", "RECORDED");
        assertThat(page.locator("#result")).containsText("登记成功");
        assertThat(page.locator("#pending")).hasAttribute("data-count", "0");

        page.context().setOffline(true);
        handheld(page, planned.codes().get(1));
        handheld(page, planned.codes().get(2));
        assertThat(page.locator("#pending")).hasText("待上传：2");
        assertThat(page.locator("#tube-people")).hasText("已采 3 / 10 人");

        // the area's secretary watches the campaign's progress on another phone while the scans come in
        Page progress = open(Screen.PHONE);
        signIn(progress, town.secretary1());
        progress.navigate(url("/campaigns/" + planned.id() + "?area=" + town.area1().id()));
        assertThat(progress.locator("#progress-sampled")).hasText("1");

        page.context().setOffline(false);
        assertThat(page.locator("#pending")).hasAttribute("data-count", "0");
        assertThat(page.locator("#recent [data-outcome=RECORDED]")).hasCount(3);
        assertThat(progress.locator("#progress-sampled")).hasText("3", new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        org.assertj.core.api.Assertions.assertThat(rowsPerResident(planned.id())).isEqualTo(Map.of(town.residents().get(0), 1,
                town.residents().get(1), 1, town.residents().get(2), 1));
        org.assertj.core.api.Assertions.assertThat(sampled(planned.id())).isEqualTo(3);
    }

    @Test
    void aPersonScannedTwiceIsRecordedOnceMoreWithARepeatWarningAndCountedOnce() {
        TestTown.Town town = testTown.create();
        ScanFixture.Planned planned = campaign(town, 1); // single tubes: no tube code needed
        Page page = station(town, planned);
        assertThat(page.locator("#tube-people")).hasText("单管单采：无需扫试管码");

        handheld(page, planned.codes().get(3));
        assertThat(page.locator("#result")).hasAttribute("data-outcome", "RECORDED");
        handheld(page, planned.codes().get(3));
        assertThat(page.locator("#result")).hasAttribute("data-outcome", "REPEAT");
        assertThat(page.locator("#result-headline")).hasText("⚠ 重复采样：此人已采过");
        assertThat(page.locator("#pending")).hasAttribute("data-count", "0");

        handheld(page, "HLNOTACODE-0000000000");
        assertThat(page.locator("#result")).hasAttribute("data-outcome", "UNKNOWN_CODE");
        assertThat(page.locator("#result-headline")).hasText("✗ 无效码");
        org.assertj.core.api.Assertions.assertThat(rowsPerResident(planned.id())).isEqualTo(Map.of(town.residents().get(3), 2));
        org.assertj.core.api.Assertions.assertThat(sampled(planned.id())).isEqualTo(1);
    }

    @Test
    void anAnswerLostOnTheWayOrARefusalUnderLoadIsSentAgainAndTheScanLandsOnce() {
        TestTown.Town town = testTown.create();
        ScanFixture.Planned planned = campaign(town, 1);
        // page.route does not see requests a service worker lets through, so this phone runs without one
        Page page = station(town, planned, open(Screen.PHONE.options().setServiceWorkers(ServiceWorkerPolicy.BLOCK)));
        AtomicInteger attempts = new AtomicInteger();
        page.route("**/station/checkins", route -> {
            switch (attempts.incrementAndGet()) {
                case 1 -> { // the server records the scan, but its answer never reaches the phone
                    route.fetch();
                    route.abort("connectionreset");
                }
                case 2 -> route.fulfill(new Route.FulfillOptions().setStatus(503)
                        .setHeaders(Map.of("Retry-After", "1", "Content-Type", "application/problem+json")).setBody("{}"));
                default -> route.resume();
            }
        });

        handheld(page, planned.codes().get(0));
        assertThat(page.locator("#pending")).hasAttribute("data-count", "1");
        assertThat(page.locator("#result")).hasAttribute("data-outcome", "RECORDED",
                new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        assertThat(page.locator("#pending")).hasAttribute("data-count", "0");
        org.assertj.core.api.Assertions.assertThat(attempts.get()).isEqualTo(3);
        org.assertj.core.api.Assertions.assertThat(rowsPerResident(planned.id()))
                .isEqualTo(Map.of(town.residents().get(0), 1));
    }

    @Test
    void someoneWithoutACodeIsFoundByRoomAndTheTubeIsClosedByHand() {
        TestTown.Town town = testTown.create();
        ScanFixture.Planned planned = campaign(town, 10);
        Page page = station(town, planned);
        String tube = "T" + town.n() + "02";
        handheld(page, tube);

        page.locator("#search-q").fill("402");
        page.locator("#search-form button[type=submit]").click();
        page.locator("#search-results [data-resident-id='" + town.residents().get(2) + "']").click();
        assertThat(page.locator("#result")).hasAttribute("data-outcome", "RECORDED");
        assertThat(page.locator("#result-detail")).containsText("402");
        assertThat(page.locator("#tube-people")).hasText("已采 1 / 10 人");
        assertThat(page.locator("#scan-input")).isFocused();

        page.locator("#close-tube").click();
        assertThat(page.locator("#tube-code")).hasText("—");
        assertThat(page.locator("#pending")).hasAttribute("data-count", "0");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> db.fetchExists(TUBE,
                TUBE.CAMPAIGN_ID.eq(planned.id()), TUBE.CODE.eq(tube), TUBE.PEOPLE.eq(1), TUBE.CLOSED_AT.isNotNull()));
    }

    @Test
    void offlineTheStationKeepsScansOnTheDeviceCountsThemAndWarnsOfAPersonScannedTwice() {
        TestTown.Town town = testTown.create();
        ScanFixture.Planned planned = campaign(town, 10);
        Page page = station(town, planned);
        // the station says when it can work without network: only then is the page kept on the device
        assertThat(page.locator("#offline-ready")).isVisible();
        page.context().setOffline(true);
        assertThat(page.locator("#network")).hasText("已断网：扫码先保存在本机");

        handheld(page, planned.codes().get(0));
        assertThat(page.locator("#result")).hasAttribute("data-outcome", "NEED_TUBE");
        handheld(page, "T" + town.n() + "01");
        assertThat(page.locator("#tube-code")).hasText("T" + town.n() + "01");
        handheld(page, planned.codes().get(0));
        assertThat(page.locator("#result")).hasAttribute("data-outcome", "QUEUED");
        handheld(page, planned.codes().get(1));
        assertThat(page.locator("#pending")).hasText("待上传：2");
        assertThat(page.locator("#tube-people")).hasText("已采 2 / 10 人");

        handheld(page, planned.codes().get(0));
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
