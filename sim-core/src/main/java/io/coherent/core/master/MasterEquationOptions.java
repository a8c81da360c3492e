package io.coherent.core.master;

import io.coherent.core.quadrature.QuadratureTolerance;

/**
 * Options of the master equations.
 *
 * @param lambShift         keep the imaginary parts S(w) of the one-sided spectra (principal-value integrals over
 *                          the spectral density); false = "real rates only" (the two-atom paper, QuTiP brmesolve)
 * @param quadrature        accuracy of the Lamb-shift integrals
 * @param secularTolerance  two Bohr frequencies w, w' count as equal when |w - w'| <= secularTolerance (secular
 *                          and local-Lindblad generators; also the degeneracy tolerance for zero frequencies)
 */
public record MasterEquationOptions(boolean lambShift, QuadratureTolerance quadrature, double secularTolerance) {

    /** Real rates only, trajectory quadrature accuracy, degeneracy tolerance 1e-9. */
    public static final MasterEquationOptions DEFAULT = new MasterEquationOptions(false, QuadratureTolerance.TRAJECTORY, 1e-9);

    public MasterEquationOptions {
        if (quadrature == null) {
            throw new io.coherent.core.bath.InvalidModelException("quadrature", "null", "a quadrature tolerance");
        }
        if (!(secularTolerance >= 0) || !Double.isFinite(secularTolerance)) {
            throw new io.coherent.core.bath.InvalidModelException("secular_tolerance", secularTolerance, "a finite number >= 0");
        }
    }

    public MasterEquationOptions withLambShift(boolean on) {
        return new MasterEquationOptions(on, quadrature, secularTolerance);
    }
}
