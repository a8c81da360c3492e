package io.coherent.core.dynamics;

import io.coherent.core.observables.ObservableSet;
import io.coherent.core.observables.SampleTolerance;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A generator of motion on a flat real state vector: what an integrator needs to propagate a model
 * and what an observer needs to read it. Implementations keep {@link #computeDerivatives} free of
 * allocation; {@link #observe} may allocate (it runs once per sample, not per step).
 */
public interface Generator {

    /** Name of the method, e.g. "exact". */
    String method();

    int stateDimension();

    double[] initialState();

    /** yDot = f(t, y); allocation-free. */
    void computeDerivatives(double t, double[] y, double[] yDot);

    /** Names of the observables {@link #observe} returns, in order. */
    List<String> observableNames();

    ObservableSet observe(double t, double[] y);

    /** The slowest relaxation time of the model, if known (from its poles). */
    OptionalDouble slowestRelaxationTime();

    /**
     * The slowest relaxation time with its accuracy and how it was found. By default {@link #slowestRelaxationTime}
     * without an error estimate; generators that know the accuracy of their eigenvalue computation override it.
     */
    default RelaxationTime relaxation() {
        OptionalDouble tau = slowestRelaxationTime();
        return tau.isPresent() ? RelaxationTime.unestimated(tau.getAsDouble(), "accuracy not estimated")
                : RelaxationTime.notComputed("not computed by method " + method());
    }

    /**
     * The accuracy asked of each sample's observables: a sample whose estimates exceed it is marked not converged.
     * By default only a non-finite estimate fails ({@link SampleTolerance#FINITE}): generators whose estimates are
     * bounds with no per-sample target.
     */
    default SampleTolerance sampleTolerance() {
        return SampleTolerance.FINITE;
    }
}
