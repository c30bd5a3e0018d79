package org.haolin.rota.internal;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Solves rota plans with the rules of {@link RotaRules} and reads back which hard rules a plan breaks. One
 * instance per time limit; safe to share (each solve builds its own solver).
 */
public final class RotaSolving {

    /** The best plan found, and how long it took to first keep every hard rule (null: it never did). */
    public record Outcome(RotaPlan plan, HardSoftLongScore score, Duration timeToFeasible) {
    }

    private final SolverFactory<RotaPlan> factory;
    private final SolutionManager<RotaPlan, HardSoftLongScore> solutions;

    /** Stops after spent, or earlier when the best plan has not improved for unimproved (null: never earlier). */
    public RotaSolving(Duration spent, Duration unimproved) {
        TerminationConfig termination = new TerminationConfig().withSpentLimit(spent);
        if (unimproved != null) {
            termination.setUnimprovedSpentLimit(unimproved);
        }
        this.factory = SolverFactory.create(new SolverConfig()
                .withSolutionClass(RotaPlan.class)
                .withEntityClasses(RotaSlot.class)
                .withConstraintProviderClass(RotaRules.class)
                .withTerminationConfig(termination));
        this.solutions = SolutionManager.create(factory);
    }

    /** Solves from a staggered first guess for the seats (see {@link StaggeredStart}). */
    public Outcome solve(RotaPlan plan) {
        StaggeredStart.apply(plan);
        Solver<RotaPlan> solver = factory.buildSolver();
        long started = System.nanoTime();
        Duration[] feasibleAfter = new Duration[1];
        solver.addEventListener(event -> {
            if (feasibleAfter[0] == null && event.getNewBestScore().isFeasible()) {
                feasibleAfter[0] = Duration.ofNanos(System.nanoTime() - started);
            }
        });
        RotaPlan best = solver.solve(plan);
        return new Outcome(best, best.score(), feasibleAfter[0]);
    }

    /** Scores the plan as it stands (after a manual change, say). */
    public HardSoftLongScore score(RotaPlan plan) {
        return solutions.update(plan);
    }

    /** Every match of a broken hard rule, as the rule justified it, in a stable order. */
    public List<Breach> broken(RotaPlan plan) {
        ScoreAnalysis<HardSoftLongScore> analysis = solutions.analyze(plan);
        return analysis.constraintAnalyses().stream()
                .filter(c -> c.score().hardScore() < 0)
                .flatMap(c -> Objects.requireNonNull(c.matches()).stream())
                .filter(m -> m.score().hardScore() < 0)
                .map(m -> (Breach) m.justification())
                .sorted()
                .toList();
    }
}
