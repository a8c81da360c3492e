package io.coherent.core.bath;

import java.util.List;

/**
 * A bath spectral density J(w) = sum_a |g_a|^2 delta(w - w_a), defined on the whole real line, whose
 * memory kernel f(t) = int J(w) exp(-i w t) dw is a finite sum of complex exponentials, so that the
 * exact dynamics can be embedded with auxiliary variables (pseudomodes) without approximation.
 */
public sealed interface SpectralDensity permits Lorentzian, LorentzianSum, DrudeLorentz {

    /** J(w). */
    double value(double w);

    /** Exact exponential decomposition of the kernel f(t), t >= 0. */
    List<ExponentialTerm> kernel();

    /** Short human-readable description with the parameter values. */
    String describe();
}
