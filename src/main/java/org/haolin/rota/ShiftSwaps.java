package org.haolin.rota;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.platform.DomainException;
import org.haolin.rota.internal.Breach;
import org.haolin.rota.internal.RotaStore;
import org.haolin.rota.internal.ShiftChanges;
import org.haolin.workforce.Workforce;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Swaps: the person standing at a shift of a published rota asks to hand it to someone else who may stand there;
 * staff who manage the rota approve (the shift changes hands only if the rota's rules still hold, otherwise the
 * swap is refused with the broken rule) or refuse. Both people are told either way.
 */
@Service
public class ShiftSwaps {

    private final RotaStore store;
    private final ShiftChanges changes;
    private final AuditTrail audit;
    private final Workforce workforce;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ShiftSwaps(RotaStore store, ShiftChanges changes, AuditTrail audit, Workforce workforce,
               ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.changes = changes;
        this.audit = audit;
        this.workforce = workforce;
        this.events = events;
        this.clock = clock;
    }

    /** The shift of a published rota the user stands at, if it is theirs (for the swap page). */
    @Transactional(readOnly = true)
    public RotaShift myShift(HaolinUser user, long shiftId) {
        return ownShift(user, shiftId).shift();
    }

    /** Who the user may hand their shift to. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(HaolinUser user, long shiftId) {
        Own own = ownShift(user, shiftId);
        return changes.candidates(own.rota(), shiftId).stream().filter(c -> c.personId() != own.personId()).toList();
    }

    /** The person standing at a published shift asks to hand it to another who may stand there. */
    @Transactional
    public long request(HaolinUser user, long shiftId, Long toPersonId, String reason) {
        Own own = ownShift(user, shiftId);
        if (toPersonId == null || candidates(user, shiftId).stream().noneMatch(c -> c.personId() == toPersonId)) {
            throw DomainException.invalid("rota.swap.notEligible");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 500) {
            throw DomainException.invalid("rota.swap.reasonTooLong");
        }
        var row = store.shiftRows(own.rota().townId(), own.rota().id()).stream()
                .filter(r -> r.shiftId() == shiftId).findFirst().orElseThrow();
        long id = store.insertSwap(own.rota(), own.shift(), row.areaPath(), row.areaId(), own.personId(), toPersonId,
                why, now());
        if (id < 0) {
            throw DomainException.conflict("rota.swap.alreadyAsked");
        }
        audit.record(user, AuditAction.SHIFT, AuditedObject.of("SHIFT_SWAP", id, own.rota().townId(), row.areaPath()),
                "swap requested");
        told(own.rota(), store.swap(id).orElseThrow(), "REQUESTED", null);
        return id;
    }

    /** A rota's swaps in a state (null: all), for those who manage it. */
    @Transactional(readOnly = true)
    public List<ShiftSwap> of(HaolinUser user, long rotaId, String state) {
        return store.swaps(changes.managed(user, rotaId).id(), state);
    }

    /** Approves a swap if the rota's rules still hold with it; refuses it with the broken rule otherwise. */
    @Transactional
    public ShiftSwap approve(HaolinUser user, long swapId) {
        ShiftSwap swap = decidable(user, swapId);
        Rota rota = changes.managed(user, swap.rotaId());
        Optional<Breach> broken = changes.newlyBroken(rota, swap.shiftId(), swap.toPersonId());
        String state = broken.isEmpty() ? "APPROVED" : "REFUSED";
        String refusal = broken.map(Breach::key).orElse(null);
        decide(user, rota, swap, state, refusal);
        if (broken.isEmpty()) {
            changes.hand(rota, swap.shiftId(), swap.toPersonId());
        }
        return store.swap(swapId).orElseThrow();
    }

    @Transactional
    public void refuse(HaolinUser user, long swapId) {
        ShiftSwap swap = decidable(user, swapId);
        decide(user, changes.managed(user, swap.rotaId()), swap, "REFUSED", "rota.swap.refusedByStaff");
    }

    private void decide(HaolinUser user, Rota rota, ShiftSwap swap, String state, String refusal) {
        if (!store.decide(swap.id(), state, refusal, user.displayName(), now())) {
            throw DomainException.conflict("rota.swap.decided");
        }
        audit.record(user, AuditAction.SHIFT, AuditedObject.of("SHIFT_SWAP", swap.id(), rota.townId(), rota.areaPath()),
                state.toLowerCase());
        told(rota, swap, state, refusal);
    }

    private record Own(Rota rota, RotaShift shift, long personId) {
    }

    /** A shift of a published rota held by the user's own workforce record; anything else is not found. */
    private Own ownShift(HaolinUser user, long shiftId) {
        DomainException notFound = DomainException.notFound("rota.shift.notFound", shiftId);
        Rota rota = store.rotaOfShift(shiftId).flatMap(store::find)
                .filter(r -> r.state() == RotaState.PUBLISHED).orElseThrow(() -> notFound);
        RotaShift shift = changes.shift(rota, shiftId);
        Long person = workforce.personOf(rota.townId(), user.accountId()).orElseThrow(() -> notFound);
        if (!person.equals(shift.personId())) {
            throw notFound;
        }
        return new Own(rota, shift, person);
    }

    private ShiftSwap decidable(HaolinUser user, long swapId) {
        ShiftSwap swap = store.swap(swapId).orElseThrow(() -> DomainException.notFound("rota.swap.notFound", swapId));
        changes.managed(user, swap.rotaId());
        if (!swap.state().equals("REQUESTED")) {
            throw DomainException.conflict("rota.swap.decided");
        }
        return swap;
    }

    private void told(Rota rota, ShiftSwap swap, String state, String refusalKey) {
        var accounts = store.accounts(rota.townId(), List.of(swap.fromPersonId(), swap.toPersonId()));
        events.publishEvent(new ShiftSwapDecided(rota.townId(), swap.id(), rota.id(), rota.areaId(), rota.areaPath(),
                swap.day(), state, refusalKey, List.copyOf(accounts.values())));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
