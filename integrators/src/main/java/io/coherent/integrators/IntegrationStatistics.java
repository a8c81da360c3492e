package io.coherent.integrators;

/** Work done by the integrator: accepted and rejected steps, right-hand-side evaluations. */
public record IntegrationStatistics(String integrator, long steps, long rejected, long evaluations) {
}
