package org.haolin.wish;

import org.haolin.platform.DomainException;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a wish. Triage sends a new (or reopened) wish to a service item or the board; a claimer claims and
 * fulfils a published one; a service item's wish is fulfilled by staff; the helper, having asked the resident,
 * closes a fulfilled wish or reopens it.
 */
public enum WishState {
    NEW, ROUTED_TO_SERVICE, PUBLISHED, CLAIMED, FULFILLED, CLOSED, REOPENED;

    private Set<WishState> next() {
        return switch (this) {
            case NEW, REOPENED -> EnumSet.of(ROUTED_TO_SERVICE, PUBLISHED);
            case ROUTED_TO_SERVICE, CLAIMED -> EnumSet.of(FULFILLED);
            case PUBLISHED -> EnumSet.of(CLAIMED);
            case FULFILLED -> EnumSet.of(CLOSED, REOPENED);
            case CLOSED -> EnumSet.noneOf(WishState.class);
        };
    }

    public boolean mayBecome(WishState target) {
        return next().contains(target);
    }

    /** The target, or a refusal whose message names this state and what it still allows. */
    public WishState to(WishState target) {
        if (!mayBecome(target)) {
            throw DomainException.conflict("wish.illegal." + name());
        }
        return target;
    }

    /** Still waiting for the resident's need to be met. */
    public boolean open() {
        return this != FULFILLED && this != CLOSED;
    }
}
