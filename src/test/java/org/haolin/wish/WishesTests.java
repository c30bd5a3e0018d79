package org.haolin.wish;

import org.haolin.HaolinTest;
import org.haolin.MovableClock;
import org.haolin.TestTown;
import org.haolin.platform.DomainException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haolin.wish.WishState.*;

@HaolinTest
class WishesTests {

    @Autowired
    TestTown testTown;
    @Autowired
    Wishes wishes;
    @Autowired
    ServiceCatalogue catalogue;
    @Autowired
    Claimers claimers;
    @Autowired
    MovableClock clock;

    TestTown.Town t;

    @BeforeEach
    void setUp() {
        t = testTown.create();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long wish() {
        return wishes.create(t.secretary1(), new NewWish(t.residents().getFirst(), WishCategory.MEDICINE,
                "降压药两盒", LocalDate.now(clock).plusDays(2)));
    }

    @Test
    void aPublishedWishIsClaimedFulfilledAndClosedWithEveryStepInItsHistory() {
        long id = wish();
        wishes.publish(t.secretary1(), id);
        wishes.claim(t.claimer(), id);
        wishes.fulfil(t.claimer(), id, "已送药上门");
        wishes.close(t.partyMember1(), id, "居民确认收到");

        Wish wish = wishes.detail(t.secretary1(), id);
        assertThat(wish.state()).isEqualTo(CLOSED);
        assertThat(wish.route()).isEqualTo(WishRoute.BOARD);
        assertThat(wish.fulfilNote()).isEqualTo("已送药上门");
        assertThat(wish.fulfilledAt()).isNotNull();
        assertThat(wishes.history(t.secretary1(), id)).extracting(WishChange::to)
                .containsExactly(NEW, PUBLISHED, CLAIMED, FULFILLED, CLOSED);
        assertThat(wishes.history(t.secretary1(), id)).extracting(WishChange::byName)
                .containsExactly(t.secretary1().displayName(), t.secretary1().displayName(), t.claimer().displayName(),
                        t.claimer().displayName(), t.partyMember1().displayName());
    }

    @Test
    void aReopenedWishGoesBackToTriageAndThenToTheBoard() {
        long id = wish();
        wishes.publish(t.secretary1(), id);
        wishes.claim(t.claimer(), id);
        wishes.fulfil(t.claimer(), id, "送到了");
        wishes.reopen(t.partyMember1(), id, "药不对");
        assertThat(wishes.detail(t.secretary1(), id).state()).isEqualTo(REOPENED);
        assertThat(wishes.detail(t.secretary1(), id).fulfilledAt()).isNull();

        wishes.publish(t.secretary1(), id);
        Wish again = wishes.detail(t.secretary1(), id);
        assertThat(again.state()).isEqualTo(PUBLISHED);
        assertThat(again.claimedBy()).isNull();
        assertThat(wishes.board(t.claimer())).extracting(BoardWish::id).contains(id);
    }

    @Test
    void routingToAServiceItemRecordsItsPromisedTime() {
        long item = catalogue.add(t.townAdmin(), t.town().id(), "代配药", "社区卫生服务中心", 48);
        long id = wish();
        wishes.route(t.epidemicOffice(), id, item);
        Wish wish = wishes.detail(t.secretary1(), id);
        assertThat(wish.state()).isEqualTo(ROUTED_TO_SERVICE);
        assertThat(wish.route()).isEqualTo(WishRoute.SERVICE);
        assertThat(wish.serviceItemName()).isEqualTo("代配药");
        assertThat(Duration.between(OffsetDateTime.now(clock), wish.promisedBy()).toHours()).isBetween(47L, 48L);
        assertThat(wishes.board(t.claimer())).extracting(BoardWish::id).doesNotContain(id);

        wishes.serviceDelivered(t.secretary1(), id, "已配送");
        assertThat(wishes.detail(t.secretary1(), id).state()).isEqualTo(FULFILLED);
    }

    @Test
    void illegalStepsAreRefusedWithTheCurrentStateAndChangeNothing() {
        long id = wish();
        assertThatThrownBy(() -> wishes.serviceDelivered(t.secretary1(), id, "x")).isInstanceOf(DomainException.class)
                .hasMessage("wish.illegal.NEW");
        assertThatThrownBy(() -> wishes.close(t.partyMember1(), id, null)).hasMessage("wish.illegal.NEW");
        wishes.publish(t.secretary1(), id);
        assertThatThrownBy(() -> wishes.publish(t.secretary1(), id)).hasMessage("wish.illegal.PUBLISHED");
        assertThatThrownBy(() -> wishes.fulfil(t.claimer(), id, "x")).hasMessage("wish.illegal.PUBLISHED");
        wishes.claim(t.claimer(), id);
        assertThatThrownBy(() -> wishes.reopen(t.partyMember1(), id, null)).hasMessage("wish.illegal.CLAIMED");
        assertThatThrownBy(() -> wishes.serviceDelivered(t.secretary1(), id, "x")).hasMessage("wish.illegal.CLAIMED");
        wishes.fulfil(t.claimer(), id, "done");
        wishes.close(t.partyMember1(), id, null);
        assertThatThrownBy(() -> wishes.reopen(t.partyMember1(), id, null)).hasMessage("wish.illegal.CLOSED");
        assertThatThrownBy(() -> wishes.publish(t.secretary1(), id)).hasMessage("wish.illegal.CLOSED");
        assertThat(wishes.history(t.secretary1(), id)).hasSize(5);
    }

    @Test
    void aFulfilNeedsANoteAndOnlyTheClaimerMayFulfil() {
        long id = wish();
        wishes.publish(t.secretary1(), id);
        wishes.claim(t.claimer(), id);
        assertThatThrownBy(() -> wishes.fulfil(t.claimer(), id, "  ")).hasMessage("wish.required.note");
        TestTown.Town other = testTown.create();
        assertThatThrownBy(() -> wishes.fulfil(other.claimer(), id, "x")).hasMessage("wish.notFound");
        assertThatThrownBy(() -> wishes.claim(t.claimer(), id)).hasMessage("wish.illegal.CLAIMED");
    }

    @Test
    void aWishPastItsNeededByDayAndNotFulfilledIsOverdue() {
        long id = wish();
        assertThat(wishes.detail(t.secretary1(), id).overdue(wishes.today())).isFalse();
        clock.advance(Duration.ofDays(3));
        assertThat(wishes.detail(t.secretary1(), id).overdue(wishes.today())).isTrue();
        wishes.publish(t.secretary1(), id);
        wishes.claim(t.claimer(), id);
        wishes.fulfil(t.claimer(), id, "ok");
        assertThat(wishes.detail(t.secretary1(), id).overdue(wishes.today())).isFalse();
    }

    @Test
    void aCheckInsNeedBecomesOneWishHoweverOftenItArrives() {
        long first = wishes.fromCheckIn(null, t.town().id(), t.residents().getFirst(), "想去医院复查", 777L);
        long again = wishes.fromCheckIn(t.partyMember1(), t.town().id(), t.residents().getFirst(), "想去医院复查", 777L);
        assertThat(again).isEqualTo(first);
        Wish wish = wishes.detail(t.secretary1(), first);
        assertThat(wish.origin()).isEqualTo(WishOrigin.CHECK_IN);
        assertThat(wish.state()).isEqualTo(NEW);
        assertThat(wishes.list(t.secretary1(), WishFilter.any())).extracting(Wish::id).containsOnlyOnce(first);
    }

    @Test
    void anotherTownsStaffAndClaimersFindNothing() {
        long id = wish();
        wishes.publish(t.secretary1(), id);
        TestTown.Town other = testTown.create();
        assertThatThrownBy(() -> wishes.detail(other.townAdmin(), id)).hasMessage("wish.notFound");
        assertThatThrownBy(() -> wishes.claim(other.claimer(), id)).hasMessage("wish.notFound");
        assertThat(wishes.board(other.claimer())).extracting(BoardWish::id).doesNotContain(id);
        assertThat(wishes.list(other.townAdmin(), WishFilter.any())).extracting(Wish::id).doesNotContain(id);
        assertThatThrownBy(() -> wishes.create(other.townAdmin(), new NewWish(t.residents().getFirst(),
                WishCategory.OTHER, "x", null))).hasMessage("resident.notFound");
        // the other area's building leader holds no triage; a secretary of area 1 does not see area 2's wishes
        long area2 = wishes.create(t.townAdmin(), new NewWish(t.residents().get(3), WishCategory.SUPPLIES, "米", null));
        assertThatThrownBy(() -> wishes.detail(t.secretary1(), area2)).hasMessage("wish.notFound");
        assertThatThrownBy(() -> wishes.list(t.claimer(), WishFilter.any())).hasMessage("wish.staffOnly");
    }

    @Test
    void theListFiltersByStateRouteCategoryAndArea() {
        long mine = wish();
        long other = wishes.create(t.townAdmin(), new NewWish(t.residents().get(3), WishCategory.SUPPLIES, "米", null));
        wishes.publish(t.townAdmin(), other);
        assertThat(ids(new WishFilter(PUBLISHED, null, null, null))).containsExactly(other);
        assertThat(ids(new WishFilter(null, WishRoute.BOARD, null, null))).containsExactly(other);
        assertThat(ids(new WishFilter(null, null, WishCategory.MEDICINE, null))).containsExactly(mine);
        assertThat(ids(new WishFilter(null, null, null, t.area2().id()))).containsExactly(other);
        assertThat(ids(WishFilter.any())).containsExactlyInAnyOrder(mine, other);
    }

    @Test
    void theCockpitCountsByStateAndRouteAndTheMedianHoursToFulfil() {
        long quick = wish();
        long slow = wish();
        wish();
        wishes.publish(t.secretary1(), quick);
        wishes.publish(t.secretary1(), slow);
        wishes.claim(t.claimer(), quick);
        wishes.claim(t.claimer(), slow);
        clock.advance(Duration.ofHours(10));
        wishes.fulfil(t.claimer(), quick, "ok");
        clock.advance(Duration.ofHours(20));
        wishes.fulfil(t.claimer(), slow, "ok");
        WishFigures figures = wishes.figures(t.townAdmin());
        assertThat(figures.byState()).containsEntry(NEW, 1).containsEntry(FULFILLED, 2);
        assertThat(figures.byRoute()).containsEntry(WishRoute.BOARD, 2).containsEntry(WishRoute.SERVICE, 0);
        assertThat(figures.medianHoursToFulfil()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void claimsCarryTheClaimersOrganisation() {
        long org = claimers.addOrg(t.townAdmin(), t.town().id(), "爱心车队" + t.n(), ClaimerOrg.Type.SOCIAL);
        claimers.link(t.townAdmin(), org, t.claimer());
        long id = wish();
        wishes.publish(t.secretary1(), id);
        wishes.claim(t.claimer(), id);
        assertThat(wishes.detail(t.secretary1(), id).claimedByOrg()).isEqualTo("爱心车队" + t.n());
        assertThatThrownBy(() -> claimers.link(t.townAdmin(), org, t.secretary1())).hasMessage("wish.org.notClaimer");
        TestTown.Town other = testTown.create();
        assertThatThrownBy(() -> claimers.addOrg(other.townAdmin(), t.town().id(), "x", ClaimerOrg.Type.MARKET))
                .hasMessage("wish.org.notFound");
    }

    private List<Long> ids(WishFilter filter) {
        return wishes.list(t.townAdmin(), filter).stream().map(Wish::id).toList();
    }
}
