package org.haolin.journey;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.haolin.TestTown;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The town admin reads the overview on a phone and drills down from the town to one stairwell's list. */
class TownOverviewJourneyTests extends Journey {

    @Test
    void theTownAdminOpensTheOverviewOnAPhoneAndDrillsDownToAStairwell() {
        TestTown.Town town = testTown.create();
        Page page = open(Screen.PHONE);

        signInWithSecondFactor(page, town.townAdmin());
        assertThat(page).hasURL(Pattern.compile("/cockpit$"));
        assertThat(page.locator("#cockpit-heading")).containsText(town.town().name());
        assertThat(page.locator("#figure-residents")).hasText("5");
        assertThat(page.locator("#figure-hardship")).hasText("2");
        assertThat(page.locator("#as-of")).containsText("统计时间");
        assertThat(page.locator("#cockpit-areas canvas")).isVisible();
        assertThat(page.locator("#cockpit-tags canvas")).isVisible();
        assertThat(page.locator("#cockpit-table tbody tr")).hasCount(2);
        assertThat(page.locator("#part-" + town.area2().id())).containsText("海韵居民区");

        // A tap on the second residential area's row of the chart opens it.
        tapChartRow(page, 1);
        assertThat(page).hasURL(Pattern.compile("/cockpit\\?area=" + town.area2().id() + "$"));
        assertThat(page.locator("#cockpit-heading")).containsText("海韵居民区");
        assertThat(page.locator("#figure-residents")).hasText("2");

        // The table's rows lead down too, level by level, to the stairwell and its list.
        page.navigate(url("/cockpit"));
        drill(page, town.area1().id(), "星火居民区");
        drill(page, town.compound1().id(), "星火一村");
        drill(page, town.building1().id(), "5号楼");
        drill(page, town.stairwell1().id(), "2单元");
        assertThat(page.locator("#figure-residents")).hasText("3");
        page.locator("#open-stairwell-list").click();
        assertThat(page).hasURL(Pattern.compile("/stairwells/" + town.stairwell1().id() + "$"));
        assertThat(page.locator("#roster tbody tr")).hasCount(3);
    }

    private void drill(Page page, long areaId, String name) {
        page.locator("#part-" + areaId + " a.drill").click();
        assertThat(page).hasURL(Pattern.compile("/cockpit\\?area=" + areaId + "$"));
        assertThat(page.locator("#cockpit-heading")).containsText(name);
    }

    /** Taps the chart where the given row (counted from the top) lies, as a thumb would. */
    private static void tapChartRow(Page page, int row) {
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) page.evaluate("row => echarts.getInstanceByDom("
                + "document.getElementById('cockpit-areas')).convertToPixel({ gridIndex: 0 }, [0, row])", row);
        page.locator("#cockpit-areas").tap(new Locator.TapOptions()
                .setPosition(point.get(0).doubleValue() + 20, point.get(1).doubleValue()));
    }
}
