package io.coherent.core.bath;

import java.util.List;

/**
 * A bath correlation function C(t) = sum_k eta_k exp(-gamma_k t), t >= 0, as a finite sum of exponentials,
 * with what the truncation leaves out.
 *
 * @param terms       the exponents, in the order the scheme produces them (pole terms of J first)
 * @param terminatorRe Re Delta and {@code terminatorIm} Im Delta, where Delta = int_0^infinity (C(t) - sum_k eta_k exp(-gamma_k t)) dt, the weight of the dropped
 *                    terms read as a delta function (Ishizaki-Tanimura terminator: a hierarchy adds
 *                    -(Delta Q Q rho - 2 Re(Delta) Q rho Q + conj(Delta) rho Q Q) for a Hermitian coupling Q);
 *                    zero when the scheme is exact or the terminator was not asked for
 * @param error       an estimate of max_t |C(t) - sum_k eta_k exp(-gamma_k t)| (what the terminator
 *                    does not absorb), an upper bound in practice; 0 when the expansion is exact
 * @param scheme      how the terms were obtained: "exact", "matsubara", "pade" or "fit"
 */
public record CorrelationExpansion(List<CorrelationTerm> terms, double terminatorRe, double terminatorIm,
                                   double error, String scheme) {

    public CorrelationExpansion {
        terms = List.copyOf(terms);
    }
}
