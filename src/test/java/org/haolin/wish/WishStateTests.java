package org.haolin.wish;

import org.haolin.platform.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haolin.wish.WishState.*;

/** Every pair of states: the legal steps succeed, every other is refused naming the state the wish is in. */
class WishStateTests {

    private static final Map<WishState, Set<WishState>> LEGAL = Map.of(
            NEW, EnumSet.of(ROUTED_TO_SERVICE, PUBLISHED),
            ROUTED_TO_SERVICE, EnumSet.of(FULFILLED),
            PUBLISHED, EnumSet.of(CLAIMED),
            CLAIMED, EnumSet.of(FULFILLED),
            FULFILLED, EnumSet.of(CLOSED, REOPENED),
            CLOSED, EnumSet.noneOf(WishState.class),
            REOPENED, EnumSet.of(PUBLISHED, ROUTED_TO_SERVICE));

    @ParameterizedTest
    @EnumSource(WishState.class)
    void onlyTheLegalStepsAreAllowed(WishState from) {
        for (WishState to : WishState.values()) {
            if (LEGAL.get(from).contains(to)) {
                assertThat(from.to(to)).isEqualTo(to);
            } else {
                assertThatThrownBy(() -> from.to(to)).isInstanceOf(DomainException.class)
                        .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("wish.illegal." + from.name());
            }
        }
    }

    @Test
    void onlyFulfilledAndClosedWishesAreNoLongerOpen() {
        assertThat(EnumSet.allOf(WishState.class).stream().filter(WishState::open))
                .containsExactlyInAnyOrder(NEW, ROUTED_TO_SERVICE, PUBLISHED, CLAIMED, REOPENED);
    }
}
