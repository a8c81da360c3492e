package io.coherent.core.master;

import io.coherent.core.observables.ObservableSet;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A steady state from the null space of the Liouvillian.
 *
 * @param observables    the same names as the generator's observables
 * @param residual       max |(L rho)_i| over the Hermitian parameters of the returned rho
 * @param nullity        dimension of the numerical null space (singular values below 1e-9 of the largest)
 * @param unique         nullity == 1; otherwise (dark states, decoherence-free subspaces) the returned state is the
 *                       spectral projection of the initial state onto the null space, the state propagation reaches
 * @param relaxationTime 1/(smallest nonzero |Re lambda|) over the Liouvillian's eigenvalues, when computed
 * @param notes          what was done and anything to know (non-uniqueness, negative eigenvalues)
 */
public record MasterSteadyState(ObservableSet observables, double residual, int nullity, boolean unique,
                                OptionalDouble relaxationTime, List<String> notes) {

    public MasterSteadyState {
        notes = List.copyOf(notes);
    }
}
