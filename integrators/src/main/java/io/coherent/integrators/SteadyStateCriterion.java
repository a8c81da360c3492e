package io.coherent.integrators;

/**
 * When a run may call its state steady: every recorded observable changed by less than
 * {@code observableTolerance} (absolute) over the last {@code window} of time, and the time exceeds
 * {@code relaxationMultiple} times the model's slowest relaxation time when the model knows it.
 * Flat observables before that are a plateau, not convergence (the small-theta partial-collective model
 * sits on one for a time ~ 1/sin^4 theta).
 */
public record SteadyStateCriterion(double observableTolerance, double window, double relaxationMultiple) {

    public static final SteadyStateCriterion DEFAULT = new SteadyStateCriterion(1e-6, 10, 10);

    public SteadyStateCriterion {
        if (!(observableTolerance > 0) || !(window > 0) || !(relaxationMultiple >= 0)) {
            throw new IllegalArgumentException("steady-state tolerance and window must be > 0, multiple >= 0");
        }
    }
}
