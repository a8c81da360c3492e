package io.coherent.core.bath;

/**
 * How many exponents to keep and how.
 *
 * @param scheme     Matsubara, Pade (for spectral densities with a rational form) or fit (any)
 * @param exponents  number of Bose/Fermi-function poles (Matsubara, Pade) or of fitted exponents (fit), >= 0
 * @param terminator whether the dropped remainder is folded into a Markovian terminator
 */
public record ExpansionOptions(ExpansionScheme scheme, int exponents, boolean terminator) {

    public ExpansionOptions {
        if (scheme == null) {
            throw new InvalidModelException("heom.expansion", "null", "matsubara, pade or fit");
        }
        if (exponents < 0) {
            throw new InvalidModelException("heom.exponents", exponents, "a whole number >= 0");
        }
    }
}
