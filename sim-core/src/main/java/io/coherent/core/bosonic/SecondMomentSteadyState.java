package io.coherent.core.bosonic;

import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.observables.ObservableSet;

/**
 * The steady state of a second-moment master equation, solved directly.
 *
 * @param observables          values (exact engine's names) with error estimates: the residual times the
 *                             relaxation time, plus the change caused by shifting every principal value by
 *                             its quadrature error estimate
 * @param occupation           N_ij = &lt;c_i^+ c_j&gt;
 * @param residual             max |A N + N A^+ + F|
 * @param errorEstimate        largest observable error estimate
 * @param lambShiftError       largest quadrature error estimate of the principal values (0 without Lamb shift)
 * @param quadratureConverged  whether every principal value met its tolerance
 * @param relaxationTime       slowest relaxation time of N under this method (infinite if nothing decays)
 * @param decoherenceFreeModes dimension of the decoherence-free subspace (0: the steady state is unique)
 * @param timeAveraged         true if decoherence-free modes of different frequency keep oscillating and the
 *                             reported part is their time average
 */
public record SecondMomentSteadyState(ObservableSet observables, ComplexMatrix occupation, double residual,
                                      double errorEstimate, double lambShiftError, boolean quadratureConverged,
                                      double relaxationTime, int decoherenceFreeModes, boolean timeAveraged) {

    public boolean unique() {
        return decoherenceFreeModes == 0;
    }
}
