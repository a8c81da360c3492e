package io.coherent.core.methods;

import io.coherent.core.observables.ObservableSet;
import io.coherent.core.quadrature.QuadratureTolerance;

/**
 * A model whose source paper gives its equilibrium (the reduced, mean-force Gibbs state, or the steady
 * state of the conserved sectors) to leading order in the system-bath coupling lambda, in closed form:
 * what the method {@code leading-order} reports ({@link Engines#steadyState}). The closed forms are
 * evaluated with their quadrature error estimates; the O(lambda^2) corrections that the perturbation
 * theory drops are not estimated (the master equations with the Lamb shift are the check: they agree
 * to O(lambda) relative, see the models' tests).
 */
public interface LeadingOrderTheory {

    /**
     * The closed-form observables, each with its quadrature error estimate (0 for an algebraic closed form),
     * the integrals evaluated to the given tolerance (absolute part relative to the coupling lambda).
     */
    ObservableSet leadingOrderObservables(QuadratureTolerance tolerance);

    /** Where the closed forms come from (paper and equations), for people. */
    String leadingOrderSource();

    /** True if the values depend on the initial state (conserved quantities), as the master equations then report. */
    default boolean leadingOrderDependsOnInitialState() {
        return false;
    }
}
