package io.coherent.app.sweep;

import io.coherent.core.observables.ObservableSet;

/**
 * The values at one point of a sweep.
 *
 * @param observables    every observable with its error estimate
 * @param converged      steady state: the quadrature met its tolerance; trajectory: the steady-state criterion held
 * @param unique         the steady state is unique; false where part of the state never relaxes (decoherence-free
 *                       modes, dark states, conserved quantities) and the value depends on the initial state
 * @param relaxationTime slowest relaxation time of the model (NaN if unknown)
 * @param time           the time the observables refer to: the final time of a trajectory, or
 *                       {@link Double#POSITIVE_INFINITY} for a steady state computed directly
 */
public record PointResult(ObservableSet observables, boolean converged, boolean unique, double relaxationTime, double time) {
}
