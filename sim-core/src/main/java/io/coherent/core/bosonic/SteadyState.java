package io.coherent.core.bosonic;

import io.coherent.core.observables.ObservableSet;

/**
 * The steady state of a bilinear model from the frequency formula.
 *
 * @param observables             values with their quadrature error estimates
 * @param errorEstimate           largest quadrature error estimate over all second moments
 * @param converged               whether the thermal integral met its tolerance (quadrature within its budget)
 * @param evaluations             integrand evaluations used (0 for residues)
 * @param relaxationTime          slowest relaxation time of the bright modes (1/min|Re pole|)
 * @param decoherenceFreeModes    dimension of the decoherence-free subspace (0: the steady state is unique)
 * @param timeAveraged            true if decoherence-free modes of different frequency keep oscillating
 *                                and the vacuum part is their time average
 * @param scheme                  how the thermal integral was done: residues (closed form) or quadrature
 * @param notes                   what a reader needs besides the numbers (a fitted memory kernel and its bound)
 */
public record SteadyState(ObservableSet observables, SecondMoments moments, double errorEstimate, boolean converged,
                          int evaluations, double relaxationTime, int decoherenceFreeModes, boolean timeAveraged,
                          SteadyStateSolver.Scheme scheme, java.util.List<String> notes) {

    public SteadyState {
        notes = java.util.List.copyOf(notes);
    }
}
