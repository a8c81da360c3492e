package io.coherent.core.master;

import io.coherent.core.dynamics.RelaxationTime;
import io.coherent.core.observables.ObservableSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * A steady state of a master equation on a finite system.
 *
 * @param observables    the same names as the generator's observables
 * @param residual       max |(L rho)_i| over the Hermitian parameters of the returned rho
 * @param nullity        dimension of the numerical null space (singular values below 1e-9 of the largest) for the
 *                       dense solver; 1 for the iterative solver, which refuses a singular Liouvillian
 * @param unique         nullity == 1; otherwise (dark states, decoherence-free subspaces) the dense solver returns the
 *                       spectral projection of the initial state onto the null space, the state propagation reaches
 * @param relaxation     the generator's slowest relaxation time with its error ({@link MasterEquationGenerator#relaxation}),
 *                       computed on first use (an Arnoldi run), paid only by who asks
 * @param solver         {@link #DENSE_SVD} or {@link #GMRES}
 * @param iterations     GMRES iterations for the state (-1 for the dense solver)
 * @param converged      the dense SVD or GMRES met its tolerance
 * @param notes          what was done and anything to know (non-uniqueness, negative eigenvalues)
 */
public record MasterSteadyState(ObservableSet observables, double residual, int nullity, boolean unique,
                                Supplier<RelaxationTime> relaxation, String solver, int iterations, boolean converged,
                                List<String> notes) {
    /** Null space of the dense d^2 x d^2 Liouvillian by SVD (d &lt;= 30). */
    public static final String DENSE_SVD = "dense-svd";
    /** Matrix-free GMRES with the Bohr-frequency block preconditioner. */
    public static final String GMRES = "gmres";

    public MasterSteadyState {
        notes = List.copyOf(notes);
    }

    /** 1/(smallest nonzero |Re lambda|) over the Liouvillian's eigenvalues; empty when not computed. */
    public OptionalDouble relaxationTime() {
        RelaxationTime r = relaxation.get();
        return r.computed() ? OptionalDouble.of(r.time()) : OptionalDouble.empty();
    }

    /** The relaxation time with its accuracy. */
    public RelaxationTime relaxationEstimate() {
        return relaxation.get();
    }
}
