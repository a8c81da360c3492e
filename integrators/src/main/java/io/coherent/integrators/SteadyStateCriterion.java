package io.coherent.integrators;

/**
 * When a run may call its state steady: every recorded observable changed by less than
 * {@code observableTolerance} (absolute) over the last {@code window} of time, the largest component of
 * the time derivative of the state is below {@code derivativeTolerance}, and the time exceeds
 * {@code relaxationMultiple} times the model's slowest relaxation time when the model knows it.
 * Flat observables before that are a plateau, not convergence (the small-theta partial-collective model
 * sits on one for a time ~ 1/sin^4 theta).
 *
 * <p>The derivative is that of the generator's state vector: for a master equation the density matrix,
 * for the exact engine the Green's function. The default 1e-4 per unit time is met by Fig. 1(a) from
 * t ~ 700 (tau = 81.9, so the time rule decides there). A decoherence-free mode keeps the exact engine's
 * Green's function rotating (|dy/dt| ~ 0.5) even when every observable is flat; such a run never counts
 * as converged.
 */
public record SteadyStateCriterion(double observableTolerance, double derivativeTolerance, double window,
                                   double relaxationMultiple) {

    public static final SteadyStateCriterion DEFAULT = new SteadyStateCriterion(1e-6, 1e-4, 10, 10);

    public SteadyStateCriterion {
        if (!(observableTolerance > 0) || !(derivativeTolerance > 0) || !(window > 0) || !(relaxationMultiple >= 0)
                || Double.isInfinite(window) || Double.isInfinite(relaxationMultiple)) {
            throw new IllegalArgumentException("steady-state tolerances and window must be > 0, multiple >= 0");
        }
    }
}
