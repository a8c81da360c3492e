package io.coherent.core.bosonic;

import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.dynamics.Model;
import io.coherent.core.linalg.ComplexMatrix;
import java.util.HashSet;
import java.util.List;

/**
 * A bilinear bosonic model (physics notes Sec. 1; partial-collective paper Sec. II A generalised):
 * n modes with Hermitian one-body matrix H, K independent baths, and a Gaussian initial state of the
 * modes given by its occupation matrix N_ij = <c_i^+ c_j>(0) (baths thermal, factorised from the modes).
 */
public record BilinearModel(ComplexMatrix hamiltonian, List<Bath> baths, ComplexMatrix initialOccupation,
                            FrequencySupport support) implements Model {

    private static final double HERMITIAN_TOLERANCE = 1e-12;

    public BilinearModel {
        int n = hamiltonian.rows();
        if (n == 0 || !hamiltonian.isSquare()) {
            throw new InvalidModelException("hamiltonian", "must be a non-empty square matrix");
        }
        if (!hamiltonian.isFinite()) {
            throw new InvalidModelException("hamiltonian", "entries must be finite numbers");
        }
        if (hamiltonian.hermiticityDefect() > HERMITIAN_TOLERANCE * Math.max(1, hamiltonian.maxAbs())) {
            throw new InvalidModelException("hamiltonian", "must be Hermitian (H_ij = conj(H_ji)); largest defect "
                    + hamiltonian.hermiticityDefect());
        }
        baths = List.copyOf(baths);
        var names = new HashSet<String>();
        for (Bath b : baths) {
            if (!names.add(b.name())) {
                throw new InvalidModelException("baths." + b.name(), "bath names must be unique");
            }
            if (b.coupling().cols() != n) {
                throw new InvalidModelException("baths." + b.name() + ".coupling",
                        "has " + b.coupling().cols() + " entries, expected " + n + " (one per mode)");
            }
        }
        if (initialOccupation.rows() != n || initialOccupation.cols() != n) {
            throw new InvalidModelException("initial_occupation", "must be " + n + " x " + n);
        }
        if (!initialOccupation.isFinite()
                || initialOccupation.hermiticityDefect() > HERMITIAN_TOLERANCE * Math.max(1, initialOccupation.maxAbs())) {
            throw new InvalidModelException("initial_occupation", "must be a finite Hermitian matrix <c_i^+ c_j>");
        }
        for (int i = 0; i < n; i++) {
            if (initialOccupation.re(i, i) < 0) {
                throw new InvalidModelException("initial_occupation", "diagonal entry " + (i + 1)
                        + " is a population and must be >= 0");
            }
        }
        if (support.kind() == FrequencySupport.Kind.POSITIVE && support.cutoff() == 0) {
            for (Bath b : baths) {
                if (b.temperature() > 0 && b.spectralDensity().value(0) > 0) {
                    throw new InvalidModelException("frequency_support", "positive frequencies diverge at w = 0 for bath "
                            + b.name() + " (T > 0 and J(0) = " + b.spectralDensity().value(0)
                            + " > 0): set frequency_cutoff > 0 or use whole-line (principal value)");
                }
            }
        }
    }

    public int modes() {
        return hamiltonian.rows();
    }

    @Override
    public List<String> bathNames() {
        return baths.stream().map(Bath::name).toList();
    }
}
