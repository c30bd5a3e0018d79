package org.haolin.rota.internal;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

import java.time.LocalDate;
import java.util.List;

/** A rota as the solver sees it: the period, the people, and the slots to fill (the planning solution). */
@PlanningSolution
public class RotaPlan {

    private LocalDate firstDay;
    private int days;

    @ProblemFactCollectionProperty
    private List<RotaPerson> people;

    @PlanningEntityCollectionProperty
    private List<RotaSlot> slots;

    @PlanningScore
    private HardSoftLongScore score;

    public RotaPlan() {
        // for the solver's cloning
    }

    public RotaPlan(LocalDate firstDay, int days, List<RotaPerson> people, List<RotaSlot> slots) {
        this.firstDay = firstDay;
        this.days = days;
        this.people = people;
        this.slots = slots;
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    public int days() {
        return days;
    }

    public List<RotaPerson> people() {
        return people;
    }

    public List<RotaSlot> slots() {
        return slots;
    }

    public HardSoftLongScore score() {
        return score;
    }
}
