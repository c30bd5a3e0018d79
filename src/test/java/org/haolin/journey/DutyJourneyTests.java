package org.haolin.journey;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.haolin.TestTown;
import org.haolin.plan.CompoundPlans;
import org.haolin.plan.PlanFixture;
import org.haolin.plan.PostForm;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static haolin.schema.Tables.COMPOUND_PLAN;
import static haolin.schema.Tables.WORKFORCE_PERSON;

/**
 * The people side end to end: a secretary raises their compound's zone level, sees the post left short, puts one
 * more person on it in a new version of the plan, generates and publishes the day's rota; the volunteer then sees
 * the shift on a phone and confirms the protection checklist before starting.
 */
class DutyJourneyTests extends Journey {

    @Autowired
    DSLContext db;
    @Autowired
    CompoundPlans plans;

    @Test
    void aRaisedZoneLevelLeadsToAShortPostARotaAndAVolunteerStartingTheirShift() {
        TestTown.Town t = testTown.create();
        PlanFixture fixture = new PlanFixture(db, accounts);
        long volunteer = fixture.person(t.area1(), "志愿者甲" + t.n());
        db.update(WORKFORCE_PERSON).set(WORKFORCE_PERSON.ACCOUNT_ID, t.volunteer1().accountId())
                .where(WORKFORCE_PERSON.ID.eq(volunteer)).execute();
        long gateMate = fixture.person(t.area1(), "志愿者乙");
        long suppliesB = fixture.person(t.area1(), "志愿者丙");
        long suppliesC = fixture.person(t.area1(), "志愿者丁");
        fixture.person(t.area1(), "志愿者戊");
        planInForceSinceYesterday(t, volunteer, gateMate, suppliesB, suppliesC);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        Page secretary = open(Screen.PHONE);
        signIn(secretary, t.secretary1());
        // the compound is sealed: the plan's sealed staffing applies at once
        secretary.navigate(url("/areas/" + t.compound1().id()));
        secretary.locator("select[name=level]").selectOption("SEALED");
        secretary.locator("input[name=reason]").fill("发现阳性感染者");
        secretary.locator("form[action$='/zone-level'] button[type=submit]").click();
        secretary.navigate(url("/plans/compounds/" + t.compound1().id()));
        assertThat(secretary.locator("#zone-level")).containsText("封控区");
        assertThat(secretary.locator("#in-force [data-testid=short]")).hasCount(1);
        assertThat(secretary.locator("#in-force [data-testid=short]")).containsText("在岗 2 人，需 3 人");

        // one more person on the supplies post, in a new version in force from today
        secretary.locator("#new-version").click();
        secretary.locator("#edit-draft").click();
        secretary.locator("#draft-posts li").filter(new Locator.FilterOptions().setHasText("物资保供点"))
                .getByRole(com.microsoft.playwright.options.AriaRole.LINK).click();
        secretary.getByLabel("志愿者戊").check();
        secretary.locator("#post-form button[type=submit]").click();
        secretary.locator("#effectiveFrom").fill(today.toString());
        secretary.locator("#publish-form button[type=submit]").click();
        assertThat(secretary.locator("#in-force [data-testid=short]")).hasCount(0);

        // today's rota for the residential area, solved and published
        secretary.navigate(url("/rotas"));
        secretary.locator("#areaId").selectOption(String.valueOf(t.area1().id()));
        secretary.locator("#firstDay").fill(today.toString());
        secretary.locator("#days").fill("1");
        secretary.locator("#new-rota button[type=submit]").click();
        secretary.locator("#solve").click();
        secretary.locator("#publish").click(new Locator.ClickOptions().setTimeout(30_000));
        assertThat(secretary.locator("body")).containsText("志愿者甲" + t.n());
        secretary.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/journeys/duty-rota-phone.png"))
                .setFullPage(true));

        // the volunteer's phone: today's gate shift, started once the protection checklist is confirmed
        Page phone = open(Screen.PHONE);
        signIn(phone, t.volunteer1());
        phone.navigate(url("/my-shifts"));
        Locator shift = phone.locator(".my-shift").filter(new Locator.FilterOptions().setHasText("东门岗"));
        assertThat(shift).hasCount(1);
        shift.locator("[data-testid^=start-]").click();
        phone.locator("input[name=item]").first().check();
        phone.locator("[data-testid=confirm]").click();
        assertThat(phone.locator("body")).containsText("还有未勾选的项目");
        for (Locator item : phone.locator("input[name=item]").all()) {
            item.check();
        }
        phone.locator("[data-testid=confirm]").click();
        phone.navigate(url("/my-shifts"));
        assertThat(phone.locator(".my-shift").filter(new Locator.FilterOptions().setHasText("东门岗")))
                .containsText("已确认防护");
        phone.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/journeys/duty-my-shifts-phone.png"))
                .setFullPage(true));
    }

    /**
     * Compound 1's plan, in force since yesterday: a gate post (one person at normal, two when sealed) held by the
     * volunteer and a mate, and a supplies post (nobody at normal, three when sealed) with only two people on it.
     */
    private void planInForceSinceYesterday(TestTown.Town t, long volunteer, long gateMate, long b, long c) {
        long plan = plans.newVersion(t.secretary1(), t.compound1().id());
        plans.addPost(t.secretary1(), plan, plans.draft(t.secretary1(), plan).version(),
                PlanFixture.gate("东门岗", volunteer, 1, 2, List.of(volunteer, gateMate)));
        plans.addPost(t.secretary1(), plan, plans.draft(t.secretary1(), plan).version(),
                new PostForm("SUPPLIES", "物资保供点", "物业服务中心", "分拣、送货到楼道", b, LocalTime.of(13, 0),
                        LocalTime.of(18, 0), 3, null, null, 0, List.of(b, c)));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        plans.publish(t.secretary1(), plan, plans.draft(t.secretary1(), plan).version(), today);
        db.update(COMPOUND_PLAN).set(COMPOUND_PLAN.EFFECTIVE_FROM, today.minusDays(1))
                .where(COMPOUND_PLAN.ID.eq(plan)).execute();
    }
}
