package org.haolin.rota;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Scope;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.platform.DomainException;
import org.haolin.rota.internal.RotaRunner;
import org.haolin.rota.internal.RotaStore;
import org.haolin.rota.internal.ShiftChanges;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The duty rota (定岗制度). Those who hold MANAGE_ROTA over an area make its rotas, have them solved, edit single
 * shifts and publish them (swaps are {@link ShiftSwaps}). Nobody else learns a rota exists.
 */
@Service
public class Rotas {

    public static final int DEFAULT_DAYS = 14;

    private final RotaStore store;
    private final RotaRunner runner;
    private final ShiftChanges changes;
    private final AreaTree areas;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Rotas(RotaStore store, RotaRunner runner, ShiftChanges changes, AreaTree areas, AuditTrail audit,
          ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.runner = runner;
        this.changes = changes;
        this.areas = areas;
        this.audit = audit;
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
        return changes.candidates(managed(user, rotaId), shiftId);
    }

    @Transactional(readOnly = true)
    public RotaShift shift(HaolinUser user, long rotaId, long shiftId) {
        return changes.shift(managed(user, rotaId), shiftId);
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
        changes.put(rota, shiftId, personId);
        audit.record(user, AuditAction.SHIFT, AuditedObject.of("ROTA_SHIFT", shiftId, rota.townId(), rota.areaPath()),
                "reassigned to " + personId);
    }

    /** A rank or other key among a problem's arguments is shown in the reader's language. */
    public static Object messageArg(String arg) {
        return arg.startsWith("rota.") ? new org.springframework.context.support.DefaultMessageSourceResolvable(arg) : arg;
    }

    private Rota managed(HaolinUser user, long id) {
        return changes.managed(user, id);
    }

    private Scope scope(HaolinUser user) {
        return changes.scope(user);
    }

    private static AuditedObject object(Rota rota) {
        return AuditedObject.of("ROTA", rota.id(), rota.townId(), rota.areaPath());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
