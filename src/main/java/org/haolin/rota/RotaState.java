package org.haolin.rota;

/** Where a rota stands: drafted, being solved, solved (every hard rule kept), infeasible (problems listed), published. */
public enum RotaState {
    DRAFT, SOLVING, SOLVED, INFEASIBLE, PUBLISHED;

    public boolean maySolve() {
        return this == DRAFT || this == SOLVED || this == INFEASIBLE;
    }
}
