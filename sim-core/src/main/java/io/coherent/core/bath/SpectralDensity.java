package io.coherent.core.bath;

import java.util.List;

/**
 * A bath spectral density J(w) = sum_a |g_a|^2 delta(w - w_a), defined on the whole real line.
 * Lorentzian, Lorentzian-sum and Drude-Lorentz densities have a memory kernel
 * f(t) = int J(w) exp(-i w t) dw that is a finite sum of complex exponentials, so that the exact
 * dynamics can be embedded with auxiliary variables (pseudomodes) without approximation; the Ohmic
 * family and the flat density do not, and serve the master equations.
 */
public sealed interface SpectralDensity permits Lorentzian, LorentzianSum, DrudeLorentz, OhmicFamily, Flat {

    /** J(w). */
    double value(double w);

    /** Whether {@link #kernel()} is available (the exact engine needs it). */
    default boolean hasExponentialKernel() {
        return true;
    }

    /**
     * Exact exponential decomposition of the kernel f(t), t >= 0.
     *
     * @throws InvalidModelException if {@link #hasExponentialKernel()} is false
     */
    List<ExponentialTerm> kernel();

    /** Short human-readable description with the parameter values. */
    String describe();
}
