package org.haolin.journey;

import com.microsoft.playwright.Page;
import org.haolin.TestTown;
import org.haolin.area.AreaTree;
import org.haolin.area.ZoneLevel;
import org.haolin.plan.PlanFixture;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A secretary writes a compound's plan on a phone, sees its posts short once the compound is sealed, and prints it. */
class PlanJourneyTests extends Journey {

    @Autowired
    DSLContext db;
    @Autowired
    AreaTree areas;

    @Test
    void aSecretaryWritesAPostPublishesAndSeesItShortWhenTheCompoundIsSealed() {
        TestTown.Town t = testTown.create();
        PlanFixture fixture = new PlanFixture(db, accounts);
        fixture.person(t.area1(), "王点位长");
        fixture.person(t.area1(), "李志愿者");
        Page page = open(Screen.PHONE);
        signIn(page, t.secretary1());

        page.navigate(url("/plans"));
        page.locator("#compounds a").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("星火一村")).click();
        page.locator("#new-version").click();
        page.locator("#edit-draft").click();
        page.locator("#typeCode").selectOption("GATE_DUTY");
        page.locator("#name").fill("东门岗");
        page.locator("#leaderPersonId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("王点位长"));
        page.locator("#staff-NORMAL").fill("1");
        page.locator("#staff-SEALED").fill("4");
        page.getByLabel("王点位长").check();
        page.getByLabel("李志愿者").check();
        page.locator("#post-form button[type=submit]").click();
        assertThat(page.locator("#draft-posts")).containsText("东门岗");
        page.locator("#effectiveFrom").fill(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        page.locator("#publish-form button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile("/plans/compounds/" + t.compound1().id() + "$"));
        assertThat(page.locator("#in-force")).containsText("人员已配齐");

        areas.changeZoneLevel(t.epidemicOffice(), t.compound1().id(), ZoneLevel.SEALED, "发现阳性");
        page.reload();
        assertThat(page.locator("#zone-level")).containsText("封控区");
        assertThat(page.locator("#in-force [data-testid=short]")).containsText("缺人：在岗 2 人，需 4 人");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/journeys/plan-compound-phone.png"))
                .setFullPage(true));

        page.locator("#in-force a").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("打印")).click();
        assertThat(page.locator("h1")).containsText("星火一村 小区防控方案");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        assertThat(page.locator("nav")).isHidden();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/journeys/plan-print.png")).setFullPage(true));
        // a PDF of the page comes out on A4 (595 x 842 points), as the print CSS asks
        page.pdf(new Page.PdfOptions().setPath(Path.of("target/journeys/plan-print.pdf")).setPreferCSSPageSize(true));
    }
}
