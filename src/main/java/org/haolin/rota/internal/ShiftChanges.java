package org.haolin.rota.internal;

import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scope;
import org.haolin.access.Scopes;
import org.haolin.platform.DomainException;
import org.haolin.rota.Candidate;
import org.haolin.rota.Rota;
import org.haolin.rota.RotaShift;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the rota's facades share about one rota and its shifts: who manages it, who may stand at a shift, and
 * changing who stands there only when the rota's own rules still hold (the same constraints the solver keeps).
 */
@Component
public class ShiftChanges {

    private final RotaStore store;
    private final RotaRunner runner;
    private final Scopes scopes;

    ShiftChanges(RotaStore store, RotaRunner runner, Scopes scopes) {
        this.store = store;
        this.runner = runner;
        this.scopes = scopes;
    }

    public Scope scope(HaolinUser user) {
        return scopes.of(user, Permission.MANAGE_ROTA);
    }

    /** A rota the user manages; anyone else is told it does not exist. */
    public Rota managed(HaolinUser user, long id) {
        return store.find(id).filter(r -> scope(user).covers(r.areaPath()))
                .orElseThrow(() -> DomainException.notFound("rota.notFound", id));
    }

    /** Who may stand at a shift. */
    public List<Candidate> candidates(Rota rota, long shiftId) {
        return slotOf(runner.stored(rota), shiftId).getEligible().stream()
                .map(p -> new Candidate(p.id(), p.name(), p.rankCode())).toList();
    }

    public RotaShift shift(Rota rota, long shiftId) {
        return store.shifts(rota.id()).stream().filter(s -> s.id() == shiftId).findFirst()
                .orElseThrow(() -> DomainException.notFound("rota.shift.notFound", shiftId));
    }

    /** Puts someone (or nobody) on a shift, refused with the first rule the change would newly break. */
    public void put(Rota rota, long shiftId, Long personId) {
        newlyBroken(rota, shiftId, personId).ifPresent(b -> {
            throw DomainException.conflict(b.key(), b.args().stream().map(org.haolin.rota.Rotas::messageArg).toArray());
        });
        hand(rota, shiftId, personId);
        RotaPlan after = runner.stored(rota);
        var score = runner.solving().score(after);
        store.updateScore(rota.id(), score.toString(), score.isFeasible() ? List.of()
                : RotaRunner.problems(RotaChecks.explain(after, runner.solving().broken(after))));
    }

    /** Hands a shift to someone already checked; a seat's holder standing elsewhere makes them a substitute. */
    public void hand(Rota rota, long shiftId, Long personId) {
        RotaShift shift = shift(rota, shiftId);
        boolean substitute = shift.kind().equals("SEAT") && personId != null && !personId.equals(shift.seatPersonId());
        store.reassign(shiftId, personId, substitute);
    }

    /** The first hard-rule match the change brings that the rota did not have before. */
    public Optional<Breach> newlyBroken(Rota rota, long shiftId, Long personId) {
        RotaPlan plan = runner.stored(rota);
        RotaSlot slot = slotOf(plan, shiftId);
        List<Breach> before = runner.solving().broken(plan);
        slot.setPerson(personId == null ? null : plan.people().stream().filter(p -> p.id() == personId).findFirst()
                .orElseThrow(() -> DomainException.invalid("rota.shift.notEligible")));
        List<Breach> after = new ArrayList<>(runner.solving().broken(plan));
        before.forEach(after::remove);
        return after.stream().findFirst();
    }

    private static RotaSlot slotOf(RotaPlan plan, long shiftId) {
        return plan.slots().stream().filter(s -> s.shiftId() != null && s.shiftId() == shiftId).findFirst()
                .orElseThrow(() -> DomainException.notFound("rota.shift.notFound", shiftId));
    }
}
