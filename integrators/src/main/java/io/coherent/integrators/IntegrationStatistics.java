package io.coherent.integrators;

import java.util.OptionalLong;

/**
 * Work done by the integrator: accepted steps, rejected step attempts (empty when the integrator keeps
 * its error control private: Gragg-Bulirsch-Stoer) and right-hand-side evaluations (all of them,
 * including a multistep method's starter).
 */
public record IntegrationStatistics(String integrator, long steps, OptionalLong rejected, long evaluations) {
}
