package io.coherent.integrators;

import io.coherent.core.observables.ObservableSet;

/** The observables at one output time. */
public record Sample(double t, ObservableSet observables) {
}
