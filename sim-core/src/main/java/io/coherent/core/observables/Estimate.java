package io.coherent.core.observables;

/** A computed number with an estimate of its absolute error (quadrature error, tolerance, ...). */
public record Estimate(double value, double error) {
}
