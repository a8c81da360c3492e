package io.coherent.core.open;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.dynamics.Model;
import io.coherent.core.linalg.ComplexMatrix;
import java.util.HashSet;
import java.util.List;

/**
 * A finite-dimensional open quantum system (physics notes Sec. 2): Hamiltonian H_S on a tensor-product
 * space, reservoirs with their coupling channels, and an initial density matrix (reservoirs thermal and
 * factorised from the system). Extra named observables and density-matrix elements are reported next
 * to the standard ones (coherence, populations, currents).
 *
 * @param particleNumber the operator N whose current Tr[N D_k(rho)] is reported for exchange reservoirs;
 *                       null when the model has none
 */
public record OpenSystem(HilbertSpace space, ComplexMatrix hamiltonian, List<Reservoir> reservoirs,
                         ComplexMatrix initialState, List<NamedOperator> observables,
                         List<DensityMatrixElement> elements, ComplexMatrix particleNumber) implements Model {

    /** Largest Hermiticity defect, relative to max |H_ij| (at least 1), taken as rounding. */
    public static final double TOLERANCE = 1e-10;

    public OpenSystem {
        int d = space.dimension();
        if (hamiltonian.rows() != d || hamiltonian.cols() != d) {
            throw new InvalidModelException("hamiltonian", "must be " + d + " x " + d + " (the dimension of "
                    + space.subsystems().stream().map(Subsystem::name).toList() + ")");
        }
        if (!hamiltonian.isFinite() || hamiltonian.hermiticityDefect() > TOLERANCE * Math.max(1, hamiltonian.maxAbs())) {
            throw new InvalidModelException("hamiltonian", "must be a finite Hermitian matrix");
        }
        reservoirs = List.copyOf(reservoirs);
        var names = new HashSet<String>();
        for (Reservoir r : reservoirs) {
            if (!names.add(r.name())) {
                throw new InvalidModelException("baths." + r.name(), "bath names must be unique");
            }
            for (Channel c : r.channels()) {
                if (c.operator().rows() != d || c.operator().cols() != d) {
                    throw new InvalidModelException("baths." + r.name() + ".coupling", "operators must be " + d + " x " + d);
                }
                if (c.kind() == Channel.Kind.HERMITIAN
                        && c.operator().hermiticityDefect() > TOLERANCE * Math.max(1, c.operator().maxAbs())) {
                    throw new InvalidModelException("baths." + r.name() + ".coupling",
                            "a hermitian coupling operator must be Hermitian");
                }
            }
        }
        if (initialState.rows() != d || initialState.cols() != d || !initialState.isFinite()
                || initialState.hermiticityDefect() > TOLERANCE) {
            throw new InvalidModelException("initial_state", "must be a finite Hermitian " + d + " x " + d + " matrix");
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += initialState.re(i, i);
        }
        if (Math.abs(trace - 1) > 1e-9) {
            throw new InvalidModelException("initial_state", "must have trace 1, has " + trace);
        }
        observables = List.copyOf(observables);
        elements = List.copyOf(elements);
        if (particleNumber != null && (particleNumber.rows() != d || particleNumber.cols() != d)) {
            throw new InvalidModelException("particle_number", "must be " + d + " x " + d);
        }
    }

    public int dimension() {
        return space.dimension();
    }

    @Override
    public List<String> bathNames() {
        return reservoirs.stream().map(Reservoir::name).toList();
    }
}
