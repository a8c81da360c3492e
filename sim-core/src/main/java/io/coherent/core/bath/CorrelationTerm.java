package io.coherent.core.bath;

/**
 * One exponent gamma of a bath correlation function written as a finite sum of exponentials (t >= 0):
 * C(t) contains eta exp(-gamma t) and its complex conjugate C(t)^* contains etaBar exp(-gamma t).
 * For a real rate etaBar = conj(eta); complex rates come in pairs (gamma, conj gamma) and etaBar of one
 * is the conjugate of eta of its partner (Tanimura's c_k and c-bar_k; HierarchicalEOM.jl's eta and
 * eta-bar). The hierarchical equations need both; the exact bilinear engine uses C(t) only.
 * Re gamma > 0 for every term, with one exception: the principal value of a Bose reservoir's 1/(w - mu)
 * pole on an exchange channel whose J(mu) != 0 (whole-line convention, {@link BathCorrelations#exchange})
 * gives an undamped term gamma = -+ i mu, eta = -+ i pi T J(mu).
 */
public record CorrelationTerm(double rateRe, double rateIm, double etaRe, double etaIm,
                              double etaBarRe, double etaBarIm) {
}
