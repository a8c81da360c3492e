package io.coherent.integrators;

import io.coherent.core.observables.ObservableSet;

/**
 * The observables at one time: an output time, or the time of an event.
 *
 * @param derivativeNorm largest component of |dy/dt| at t (from the dense output; NaN if not known)
 * @param event          empty for an output time, otherwise what happened (e.g. {@code threshold Jx = 0.1 (rising)})
 * @param converged      every observable's error estimate meets the generator's sample tolerance
 *                       ({@link io.coherent.core.dynamics.Generator#sampleTolerance}); false marks numbers less accurate
 *                       than asked
 */
public record Sample(double t, ObservableSet observables, double derivativeNorm, String event, boolean converged) {

    public Sample {
        if (event == null) {
            throw new IllegalArgumentException("event must not be null (empty for an output time)");
        }
    }

    /** A sample whose estimates meet their tolerance (tests, benchmarks, samples read back from a stream). */
    public Sample(double t, ObservableSet observables, double derivativeNorm, String event) {
        this(t, observables, derivativeNorm, event, true);
    }

    /** A sample at an output time without a known derivative. */
    public Sample(double t, ObservableSet observables) {
        this(t, observables, Double.NaN, "");
    }

    public boolean isEvent() {
        return !event.isEmpty();
    }
}
