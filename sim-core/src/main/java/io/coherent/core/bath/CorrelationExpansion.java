package io.coherent.core.bath;

import java.util.List;

/**
 * A bath correlation function C(t) = sum_k eta_k exp(-gamma_k t), t >= 0, as a finite sum of exponentials,
 * with what the truncation leaves out. For t &lt; 0, C(t) = C(-t)^* = sum_k etaBar_k exp(gamma_k t)
 * ({@link CorrelationTerm}). Built by {@link BathCorrelations}; conventions in docs/physics.md.
 *
 * @param terms           the exponents, in the order the scheme produces them (pole terms of J first, then the
 *                        poles of the Bose or Fermi function, then conjugate partners with eta = 0 where C(t)^*
 *                        needs a rate that C(t) does not have)
 * @param terminatorRe    Re Delta and {@code terminatorIm} Im Delta, where Delta = int_0^infinity (C(t) - sum_k
 *                        eta_k exp(-gamma_k t)) dt, the weight of the dropped terms read as a delta function
 *                        (Ishizaki-Tanimura terminator: a hierarchy adds -(Delta Q Q rho - 2 Re(Delta) Q rho Q +
 *                        conj(Delta) rho Q Q) for a Hermitian coupling Q); zero when the scheme is exact or the
 *                        terminator was not asked for
 * @param error           a bound on max_{t >= 0} |C(t) - sum_k eta_k exp(-gamma_k t)| (the terminator, a delta
 *                        function, does not change it); 0 when the expansion is exact; +infinity when C(t) itself
 *                        is singular at t = 0 (Drude-Lorentz: J ~ 1/w at large w makes Re C(t) ~ -log t) while
 *                        the sum is finite: then {@code integratedError} is the measure to use
 * @param integratedError a bound on int_0^infinity |C(t) - sum_k eta_k exp(-gamma_k t)| dt, which bounds the
 *                        change of any second-order (Born) generator built from C; +infinity only when C itself
 *                        is not integrable (a sub-Ohmic density at T &gt; 0, whose C(t) decays like t^-s)
 * @param scheme          how the terms were obtained: "exact", "matsubara", "pade" or "fit"
 */
public record CorrelationExpansion(List<CorrelationTerm> terms, double terminatorRe, double terminatorIm,
                                   double error, double integratedError, String scheme) {

    public CorrelationExpansion {
        terms = List.copyOf(terms);
    }

    /**
     * An expansion without an integrated error bound (as first published): 0 if {@code error} is 0 (exact),
     * otherwise unknown (+infinity).
     */
    public CorrelationExpansion(List<CorrelationTerm> terms, double terminatorRe, double terminatorIm, double error,
                                String scheme) {
        this(terms, terminatorRe, terminatorIm, error, error == 0 ? 0 : Double.POSITIVE_INFINITY, scheme);
    }

    /** Whether the sum is exact (no truncation). */
    public boolean isExact() {
        return error == 0 && integratedError == 0;
    }

    /**
     * The sum at time t as {Re, Im}: sum_k eta_k exp(-gamma_k t) for t >= 0 and sum_k etaBar_k exp(gamma_k t) =
     * C(-t)^* for t &lt; 0. The terminator (a delta function at t = 0) is not included.
     */
    public double[] valueAt(double t) {
        double tau = Math.abs(t);
        double re = 0;
        double im = 0;
        for (CorrelationTerm c : terms) {
            double ar = t >= 0 ? c.etaRe() : c.etaBarRe();
            double ai = t >= 0 ? c.etaIm() : c.etaBarIm();
            double mag = Math.exp(-c.rateRe() * tau);
            double cr = mag * Math.cos(c.rateIm() * tau);
            double ci = -mag * Math.sin(c.rateIm() * tau);
            re += ar * cr - ai * ci;
            im += ar * ci + ai * cr;
        }
        return new double[] {re, im};
    }
}
