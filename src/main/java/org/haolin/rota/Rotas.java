package org.haolin.rota;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scope;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.platform.DomainException;
import org.haolin.rota.internal.Breach;
import org.haolin.rota.internal.RotaPlan;
import org.haolin.rota.internal.RotaRunner;
import org.haolin.rota.internal.RotaSlot;
import org.haolin.rota.internal.RotaStore;
import org.haolin.workforce.Workforce;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The duty rota (定岗制度). Those who hold MANAGE_ROTA over an area make its rotas, have them solved, edit single
 * shifts, publish them and decide swap requests; the people on a published rota ask to hand a shift to someone
 * else. Nobody else learns a rota exists.
 */
@Service
public class Rotas {

    public static final int DEFAULT_DAYS = 14;

    private final RotaStore store;
    private final RotaRunner runner;
    private final AreaTree areas;
    private final Scopes scopes;
    private final AuditTrail audit;
    private final Workforce workforce;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Rotas(RotaStore store, RotaRunner runner, AreaTree areas, Scopes scopes, AuditTrail audit, Workforce workforce,
          ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.runner = runner;
        this.areas = areas;
        this.scopes = scopes;
        this.audit = audit;
        this.workforce = workforce;
        this.events = events;
        this.clock = clock;
    }

    /** A rota over a residential area or a whole town, from firstDay for days (1–62; null: 14). */
    @Transactional
    public long create(HaolinUser user, Long areaId, LocalDate firstDay, Integer days, String name) {
        if (areaId == null) {
            throw DomainException.invalid("rota.required.area");
        }
        Area area = areas.find(areaId).filter(a -> a.level() == AreaLevel.RESIDENTIAL_AREA || a.level() == AreaLevel.TOWN)
                .filter(a -> scope(user).covers(a.path()))
                .orElseThrow(() -> DomainException.notFound("area.notFound", areaId));
        if (firstDay == null) {
            throw DomainException.invalid("rota.required.firstDay");
        }
        int length = days == null ? DEFAULT_DAYS : days;
        if (length < 1 || length > 62) {
            throw DomainException.invalid("rota.invalid.days", length);
        }
        String title = name == null || name.isBlank() ? area.name() + " " + firstDay : name.strip();
        if (title.length() > 80) {
            throw DomainException.invalid("rota.invalid.name");
        }
        long id = store.insert(area.townId() == null ? area.id() : area.townId(), area.id(), area.path(), title,
                firstDay, length, user.displayName(), now());
        audit.record(user, AuditAction.ROTA, AuditedObject.of("ROTA", id, area.townId(), area.path()), "created");
        return id;
    }

    @Transactional(readOnly = true)
    public List<Rota> list(HaolinUser user) {
        Scope scope = scope(user);
        return scope.isEmpty() ? List.of() : store.list(scope);
    }

    /** The areas a new rota may cover: the towns and residential areas the user manages rotas in. */
    public List<Area> areasForRota(HaolinUser user) {
        return scope(user).grants().stream().flatMap(g -> areas.find(g.areaId()).stream())
                .flatMap(root -> switch (root.level()) {
                    case TOWN -> java.util.stream.Stream.concat(java.util.stream.Stream.of(root),
                            areas.descendants(root, AreaLevel.RESIDENTIAL_AREA).stream());
                    case RESIDENTIAL_AREA -> java.util.stream.Stream.of(root);
                    default -> java.util.stream.Stream.empty();
                }).distinct().toList();
    }

    @Transactional(readOnly = true)
    public Rota rota(HaolinUser user, long id) {
        return managed(user, id);
    }

    @Transactional(readOnly = true)
    public List<RotaShift> shifts(HaolinUser user, long id) {
        return store.shifts(managed(user, id).id());
    }

    /** Starts solving in the background (the rota shows SOLVING until the result is written). */
    @Transactional
    public void solve(HaolinUser user, long id) {
        Rota rota = managed(user, id);
        if (!rota.state().maySolve() || !store.startSolving(id, now())) {
            throw DomainException.conflict("rota.notSolvable", rota.state().name());
        }
        audit.record(user, AuditAction.ROTA, object(rota), "solve");
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        runner.submit(rota);
                    }
                });
    }

    /** A solved rota goes out: each person on it with an account is told. */
    @Transactional
    public void publish(HaolinUser user, long id) {
        Rota rota = managed(user, id);
        if (!store.publish(id, now())) {
            throw DomainException.conflict("rota.notPublishable", rota.state().name());
        }
        List<Long> people = store.shifts(id).stream().map(RotaShift::personId).filter(p -> p != null).distinct().toList();
        var accounts = store.accounts(rota.townId(), people);
        audit.record(user, AuditAction.ROTA, object(rota), "published");
        events.publishEvent(new RotaPublished(rota.townId(), id, rota.areaId(), rota.areaPath(), rota.name(),
                List.copyOf(accounts.keySet()), List.copyOf(accounts.values())));
    }

    /** Who may stand at a shift. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(HaolinUser user, long rotaId, long shiftId) {
        Rota rota = managed(user, rotaId);
        return candidates(slotOf(runner.stored(rota), shiftId));
    }

    @Transactional(readOnly = true)
    public RotaShift shift(HaolinUser user, long rotaId, long shiftId) {
        return shiftOf(managed(user, rotaId), shiftId);
    }

    /**
     * Puts someone else (or nobody) on one shift, after checking with the rota's rules that the change breaks none
     * it did not break before; refused with the first newly broken rule otherwise.
     */
    @Transactional
    public void reassign(HaolinUser user, long rotaId, long shiftId, Long personId) {
        Rota rota = managed(user, rotaId);
        if (rota.state() == RotaState.SOLVING) {
            throw DomainException.conflict("rota.busy");
        }
        put(rota, shiftId, personId);
        audit.record(user, AuditAction.SHIFT, AuditedObject.of("ROTA_SHIFT", shiftId, rota.townId(), rota.areaPath()),
                "reassigned to " + personId);
    }

    /** The shift of a published rota the user stands at, if it is theirs (for the swap page). */
    @Transactional(readOnly = true)
    public RotaShift myShift(HaolinUser user, long shiftId) {
        return ownShift(user, shiftId).shift();
    }

    /** Who the user may hand their shift to. */
    @Transactional(readOnly = true)
    public List<Candidate> swapCandidates(HaolinUser user, long shiftId) {
        Own own = ownShift(user, shiftId);
        return candidates(slotOf(runner.stored(own.rota()), shiftId)).stream()
                .filter(c -> c.personId() != own.personId()).toList();
    }

    /** The person standing at a published shift asks to hand it to another who may stand there. */
    @Transactional
    public long requestSwap(HaolinUser user, long shiftId, Long toPersonId, String reason) {
        Own own = ownShift(user, shiftId);
        if (toPersonId == null || swapCandidates(user, shiftId).stream().noneMatch(c -> c.personId() == toPersonId)) {
            throw DomainException.invalid("rota.swap.notEligible");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 500) {
            throw DomainException.invalid("rota.swap.reasonTooLong");
        }
        var rows = store.shiftRows(own.rota().townId(), own.rota().id());
        var row = rows.stream().filter(r -> r.shiftId() == shiftId).findFirst().orElseThrow();
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

    @Transactional(readOnly = true)
    public List<ShiftSwap> swaps(HaolinUser user, long rotaId, String state) {
        return store.swaps(managed(user, rotaId).id(), state);
    }

    /**
     * Staff approve a swap: the shift changes hands if the rota's rules still hold; otherwise the swap is refused
     * with the broken rule, and the answer says so. Either way both people are told.
     */
    @Transactional
    public ShiftSwap approveSwap(HaolinUser user, long swapId) {
        ShiftSwap swap = decidable(user, swapId);
        Rota rota = managed(user, swap.rotaId());
        Optional<Breach> broken = newlyBroken(rota, swap.shiftId(), swap.toPersonId());
        String state = broken.isEmpty() ? "APPROVED" : "REFUSED";
        String refusal = broken.map(Breach::key).orElse(null);
        if (!store.decide(swapId, state, refusal, user.displayName(), now())) {
            throw DomainException.conflict("rota.swap.decided");
        }
        broken.ifPresentOrElse(b -> { }, () -> store.reassign(swap.shiftId(), swap.toPersonId(),
                isSubstitute(rota, swap.shiftId(), swap.toPersonId())));
        audit.record(user, AuditAction.SHIFT, AuditedObject.of("SHIFT_SWAP", swapId, rota.townId(), rota.areaPath()),
                state.toLowerCase());
        told(rota, swap, state, refusal);
        return store.swap(swapId).orElseThrow();
    }

    @Transactional
    public void refuseSwap(HaolinUser user, long swapId) {
        ShiftSwap swap = decidable(user, swapId);
        Rota rota = managed(user, swap.rotaId());
        if (!store.decide(swapId, "REFUSED", "rota.swap.refusedByStaff", user.displayName(), now())) {
            throw DomainException.conflict("rota.swap.decided");
        }
        audit.record(user, AuditAction.SHIFT, AuditedObject.of("SHIFT_SWAP", swapId, rota.townId(), rota.areaPath()),
                "refused");
        told(rota, swap, "REFUSED", "rota.swap.refusedByStaff");
    }

    // ---- helpers

    private record Own(Rota rota, RotaShift shift, long personId) {
    }

    private Own ownShift(HaolinUser user, long shiftId) {
        DomainException notFound = DomainException.notFound("rota.shift.notFound", shiftId);
        Rota rota = store.rotaOfShift(shiftId).flatMap(store::find)
                .filter(r -> r.state() == RotaState.PUBLISHED).orElseThrow(() -> notFound);
        RotaShift shift = shiftOf(rota, shiftId);
        Long person = workforce.personOf(rota.townId(), user.accountId()).orElseThrow(() -> notFound);
        if (!person.equals(shift.personId())) {
            throw notFound;
        }
        return new Own(rota, shift, person);
    }

    private ShiftSwap decidable(HaolinUser user, long swapId) {
        ShiftSwap swap = store.swap(swapId).orElseThrow(() -> DomainException.notFound("rota.swap.notFound", swapId));
        managed(user, swap.rotaId());
        if (!swap.state().equals("REQUESTED")) {
            throw DomainException.conflict("rota.swap.decided");
        }
        return swap;
    }

    private void put(Rota rota, long shiftId, Long personId) {
        newlyBroken(rota, shiftId, personId).ifPresent(b -> {
            throw DomainException.conflict(b.key(), b.args().stream().map(Rotas::messageArg).toArray());
        });
        store.reassign(shiftId, personId, isSubstitute(rota, shiftId, personId));
        RotaPlan after = runner.stored(rota);
        var score = runner.solving().score(after);
        store.updateScore(rota.id(), score.toString(), score.isFeasible() ? List.of()
                : RotaRunner.problems(org.haolin.rota.internal.RotaChecks.explain(after, runner.solving().broken(after))));
    }

    /** The first hard-rule match the change brings that the rota did not have before. */
    private Optional<Breach> newlyBroken(Rota rota, long shiftId, Long personId) {
        RotaPlan plan = runner.stored(rota);
        RotaSlot slot = slotOf(plan, shiftId);
        List<Breach> before = runner.solving().broken(plan);
        slot.setPerson(personId == null ? null : plan.people().stream().filter(p -> p.id() == personId).findFirst()
                .orElseThrow(() -> DomainException.invalid("rota.shift.notEligible")));
        List<Breach> after = new ArrayList<>(runner.solving().broken(plan));
        before.forEach(after::remove);
        return after.stream().findFirst();
    }

    private boolean isSubstitute(Rota rota, long shiftId, Long personId) {
        RotaShift shift = shiftOf(rota, shiftId);
        return shift.kind().equals("SEAT") && personId != null && !personId.equals(shift.seatPersonId());
    }

    private static List<Candidate> candidates(RotaSlot slot) {
        return slot.getEligible().stream().map(p -> new Candidate(p.id(), p.name(), p.rankCode())).toList();
    }

    private static RotaSlot slotOf(RotaPlan plan, long shiftId) {
        return plan.slots().stream().filter(s -> s.shiftId() != null && s.shiftId() == shiftId).findFirst()
                .orElseThrow(() -> DomainException.notFound("rota.shift.notFound", shiftId));
    }

    private RotaShift shiftOf(Rota rota, long shiftId) {
        return store.shifts(rota.id()).stream().filter(s -> s.id() == shiftId).findFirst()
                .orElseThrow(() -> DomainException.notFound("rota.shift.notFound", shiftId));
    }

    private void told(Rota rota, ShiftSwap swap, String state, String refusalKey) {
        var accounts = store.accounts(rota.townId(), List.of(swap.fromPersonId(), swap.toPersonId()));
        events.publishEvent(new ShiftSwapDecided(rota.townId(), swap.id(), rota.id(), rota.areaId(), rota.areaPath(),
                swap.day(), state, refusalKey, List.copyOf(accounts.values())));
    }

    /** A rank or other key among a problem's arguments is shown in the reader's language. */
    public static Object messageArg(String arg) {
        return arg.startsWith("rota.") ? new org.springframework.context.support.DefaultMessageSourceResolvable(arg) : arg;
    }

    private Rota managed(HaolinUser user, long id) {
        return store.find(id).filter(r -> scope(user).covers(r.areaPath()))
                .orElseThrow(() -> DomainException.notFound("rota.notFound", id));
    }

    private Scope scope(HaolinUser user) {
        return scopes.of(user, Permission.MANAGE_ROTA);
    }

    private static AuditedObject object(Rota rota) {
        return AuditedObject.of("ROTA", rota.id(), rota.townId(), rota.areaPath());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
