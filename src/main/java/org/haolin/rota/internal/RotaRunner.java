package org.haolin.rota.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.haolin.plan.Plans;
import org.haolin.rota.Rota;
import org.haolin.rota.RotaProblem;
import org.haolin.rota.RotaState;
import org.haolin.workforce.Worker;
import org.haolin.workforce.Workforce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs solves in the background, one at a time (a solve keeps a core busy for its whole time limit), and writes each
 * result in one transaction. A rota left SOLVING by a stopped node goes back to DRAFT (checked at start and every
 * minute, for rotas whose solve began longer ago than any solve may take).
 */
@Component
public class RotaRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RotaRunner.class);
    private static final List<RotaProblem> INTERRUPTED = List.of(new RotaProblem("rota.problem.interrupted", List.of()));

    private final RotaStore store;
    private final Workforce workforce;
    private final Plans plans;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final RotaSolving solving;
    private final Duration solveLimit;
    private final LocalTime seatStart;
    private final LocalTime seatEnd;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("rota-solver").daemon(true).factory());

    RotaRunner(RotaStore store, Workforce workforce, Plans plans, TransactionTemplate tx, Clock clock,
               @Value("${haolin.rota.solve-seconds:30}") long solveSeconds,
               @Value("${haolin.rota.unimproved-seconds:0}") double unimprovedSeconds,
               @Value("${haolin.rota.seat-start:08:30}") LocalTime seatStart,
               @Value("${haolin.rota.seat-end:17:30}") LocalTime seatEnd) {
        this.store = store;
        this.workforce = workforce;
        this.plans = plans;
        this.tx = tx;
        this.clock = clock;
        this.solveLimit = Duration.ofSeconds(solveSeconds);
        this.solving = new RotaSolving(solveLimit,
                unimprovedSeconds > 0 ? Duration.ofMillis((long) (unimprovedSeconds * 1000)) : null);
        this.seatStart = seatStart;
        this.seatEnd = seatEnd;
    }

    public RotaSolving solving() {
        return solving;
    }

    /** Solves the rota (already marked SOLVING) in the background. */
    public void submit(Rota rota) {
        executor.submit(() -> run(rota));
    }

    /** The model of a rota as it stands in the database, with the pool, wishes and rank rules of today. */
    public RotaPlan stored(Rota rota) {
        List<Worker> pool = workforce.rotaPool(rota.townId(), rota.areaPath());
        return RotaModel.plan(rota.firstDay(), rota.days(), pool, ranks(rota), wishes(rota, pool),
                store.shiftRows(rota.townId(), rota.id()));
    }

    void run(Rota rota) {
        try {
            List<Worker> pool = workforce.rotaPool(rota.townId(), rota.areaPath());
            List<ShiftRow> demand = RotaModel.demand(rota.firstDay(), rota.days(), pool,
                    day -> plans.postsInForce(rota.townId(), rota.areaPath(), day), seatStart, seatEnd);
            RotaPlan plan = RotaModel.plan(rota.firstDay(), rota.days(), pool, ranks(rota), wishes(rota, pool), demand);
            RotaSolving.Outcome outcome = solving.solve(plan);
            boolean feasible = outcome.score().isFeasible();
            List<RotaProblem> problems = feasible ? List.of()
                    : problems(RotaChecks.explain(outcome.plan(), solving.broken(outcome.plan())));
            List<ShiftRow> rows = rows(demand, outcome.plan());
            tx.executeWithoutResult(s -> store.finish(rota, feasible ? RotaState.SOLVED : RotaState.INFEASIBLE,
                    outcome.score().toString(), problems, rows, OffsetDateTime.now(clock)));
        } catch (RuntimeException e) {
            log.warn("Solving rota {} failed", rota.id(), e);
            tx.executeWithoutResult(s -> store.abandon(rota.id(),
                    List.of(new RotaProblem("rota.problem.failed", List.of()))));
        }
    }

    public static List<RotaProblem> problems(List<Breach> breaches) {
        return breaches.stream().map(b -> new RotaProblem(b.key(), b.args())).toList();
    }

    @Scheduled(initialDelay = 0, fixedDelay = 60_000)
    @SchedulerLock(name = "rota.abandonStale")
    public void abandonStale() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(solveLimit.multipliedBy(2)).minusMinutes(1);
        int reset = store.abandonStale(cutoff, INTERRUPTED);
        if (reset > 0) {
            log.info("{} rotas left solving by a stopped node are drafts again", reset);
        }
    }

    private RankRules ranks(Rota rota) {
        return RankRules.of(store.substitutions(rota.townId()));
    }

    private RotaModel.Wishes wishes(Rota rota, List<Worker> pool) {
        return new RotaModel.Wishes(store.preferences(rota.townId(), pool.stream().map(Worker::personId).toList(),
                rota.firstDay(), rota.lastDay()));
    }

    /** The demand rows filled with the solver's people (the model keeps the rows' order, less vanished seats). */
    private static List<ShiftRow> rows(List<ShiftRow> demand, RotaPlan solved) {
        java.util.Map<String, RotaSlot> byId = new java.util.HashMap<>();
        solved.slots().forEach(s -> byId.put(s.id(), s));
        return demand.stream().map(r -> {
            RotaSlot slot = byId.get(RotaSlot.idOf(r));
            Long person = slot == null || slot.getPerson() == null ? null : slot.getPerson().id();
            return new ShiftRow(null, r.areaId(), r.areaPath(), r.day(), r.kind(), r.postId(), r.slotNo(),
                    r.seatPersonId(), r.label(), r.start(), r.end(), r.memberIds(), person);
        }).toList();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
