package io.coherent.core.bosonic;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.quadrature.QuadratureTolerance;

/**
 * Options of the second-moment master equations.
 *
 * @param lambShift          keep the imaginary parts S(w) of the one-sided bath spectra (principal-value
 *                           integrals over J n and J (1 + n)); false = real rates only
 * @param secularTolerance   two one-body frequencies (eigenvalues of H for the secular method, diagonal
 *                           entries H_jj for local Lindblad) count as equal when they differ by at most
 *                           this times max(1, max |frequency|)
 * @param quadrature         accuracy of the principal-value integrals (used only with the Lamb shift)
 */
public record SecondMomentOptions(boolean lambShift, double secularTolerance, QuadratureTolerance quadrature) {

    /** Lamb shift on, degeneracy tolerance 1e-9, steady-state quadrature accuracy. */
    public static final SecondMomentOptions DEFAULT =
            new SecondMomentOptions(true, 1e-9, QuadratureTolerance.STEADY_STATE);

    public SecondMomentOptions {
        if (!(secularTolerance >= 0) || !(secularTolerance < 1)) {
            throw new InvalidModelException("secular_tolerance", secularTolerance, "a number in [0, 1)");
        }
        if (quadrature == null) {
            throw new InvalidModelException("quadrature", "a quadrature tolerance is required");
        }
    }

    public SecondMomentOptions withLambShift(boolean on) {
        return new SecondMomentOptions(on, secularTolerance, quadrature);
    }
}
