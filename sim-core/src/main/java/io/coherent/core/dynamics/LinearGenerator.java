package io.coherent.core.dynamics;

/**
 * A generator whose motion is linear and time-independent: {@link #computeDerivatives} computes L y for one fixed
 * real matrix L, whatever t is. That lets an integrator propagate by the exponential exp(t L) (the Krylov
 * integrator) instead of stepping through the stiffness of L's fastest decay rates.
 */
public interface LinearGenerator extends Generator {
}
