package org.haolin.journey;

import com.microsoft.playwright.Page;
import org.haolin.TestTown;
import org.haolin.pairing.Pairings;
import org.haolin.wish.ClaimerOrg;
import org.haolin.wish.Claimers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static haolin.schema.Tables.WISH;
import static org.awaitility.Awaitility.await;

/**
 * 圆梦 on phones: a helper records a home visit with a need, staff publish the wish, a claimer organisation
 * claims and fulfils it without ever seeing who the resident is, and the helper confirms and closes it.
 */
class WishJourneyTests extends Journey {

    @Autowired
    Pairings pairings;
    @Autowired
    Claimers claimers;
    @Autowired
    DSLContext db;

    @Test
    void aNeedFoundOnAHomeVisitIsPublishedClaimedFulfilledAndConfirmed() {
        TestTown.Town town = testTown.create();
        long elderly = town.residents().getFirst();
        pairings.pair(town.secretary1(), elderly, town.partyMember1().accountId());
        long org = claimers.addOrg(town.townAdmin(), town.town().id(), "海湾爱心车队" + town.n(), ClaimerOrg.Type.SOCIAL);
        claimers.link(town.townAdmin(), org, town.claimer());

        Page helper = open(Screen.PHONE);
        signIn(helper, town.partyMember1());
        helper.navigate(url("/my-residents"));
        helper.getByTestId("record-" + elderly).click();
        helper.locator("label[for='channel-HOME_VISIT-" + elderly + "']").click();
        helper.locator("label[for='wellbeing-NEEDS_HELP-" + elderly + "']").click();
        helper.locator("#need-" + elderly).fill("下周二要去中心医院复查，需要有人陪同接送");
        helper.getByTestId("save-" + elderly).click();
        assertThat(helper.locator("#done")).isVisible();

        await().atMost(Duration.ofSeconds(10)).until(() -> db.fetchCount(WISH, WISH.RESIDENT_ID.eq(elderly)) == 1);
        long wish = db.select(WISH.ID).from(WISH).where(WISH.RESIDENT_ID.eq(elderly)).fetchOne(WISH.ID);

        Page staff = open(Screen.PHONE);
        signIn(staff, town.secretary1());
        staff.navigate(url("/wishes/" + wish));
        staff.locator("#publish").click();
        assertThat(staff.locator("#state")).hasText("心愿墙待认领");

        Page claimer = open(Screen.PHONE);
        signIn(claimer, town.claimer());
        claimer.navigate(url("/wish-board"));
        assertThat(claimer.locator("#wish-" + wish)).containsText("中心医院复查");
        assertThat(claimer.locator("#board")).not().containsText(town.names().getFirst());
        assertThat(claimer.locator("#board")).not().containsText("301");
        claimer.getByTestId("claim-" + wish).click();
        claimer.locator("#wish-" + wish + " input[name=note]").fill("已安排志愿者驾车接送");
        claimer.getByTestId("fulfil-" + wish).click();
        assertThat(claimer.locator("#wish-" + wish)).containsText("已完成待确认");

        helper.navigate(url("/wishes/" + wish));
        assertThat(helper.locator("#confirm")).isVisible();
        helper.locator("#close").click();
        assertThat(helper.locator("#state")).hasText("已圆梦");
        assertThat(helper.locator("#history")).containsText("已安排志愿者驾车接送");
    }
}
