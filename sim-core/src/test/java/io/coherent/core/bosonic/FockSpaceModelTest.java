package io.coherent.core.bosonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.linalg.HermitianEigen;
import io.coherent.core.open.NamedOperator;
import org.junit.jupiter.api.Test;

class FockSpaceModelTest {

    private static BilinearModel withOccupation(ComplexMatrix n0) {
        BilinearModel base = SecondMomentMasterEquationTest.twoBathModel(1e-3, 0.3, 0.2);
        return new BilinearModel(base.hamiltonian(), base.baths(), n0, base.support());
    }

    /** The Gaussian initial state carries the model's N(0) (up to the reported truncated weight). */
    @Test
    void gaussianInitialStateHasTheModelsSecondMoments() {
        ComplexMatrix n0 = ComplexMatrix.fromParts(new double[][] {{0.1, 0.03}, {0.03, 0.05}},
                new double[][] {{0, 0.02}, {-0.02, 0}});
        FockSpaceModel fock = FockSpaceModel.of(withOccupation(n0), 6);
        var sys = fock.system();
        assertEquals(1, sys.initialState().traceRe(), 1e-12);
        assertTrue(fock.truncatedWeight() > 0 && fock.truncatedWeight() < 1e-6, "weight " + fock.truncatedWeight());
        double n1 = expectation(sys.initialState(), op(fock, "n1"));
        double n2 = expectation(sys.initialState(), op(fock, "n2"));
        double jx = expectation(sys.initialState(), op(fock, "Jx"));
        double jy = expectation(sys.initialState(), op(fock, "Jy"));
        // the dropped tail (total number > cutoff) carries about (cutoff + 1) quanta per unit of weight
        double tol = 2 * (fock.cutoff() + 1) * fock.truncatedWeight();
        assertEquals(0.1, n1, tol);
        assertEquals(0.05, n2, tol);
        assertEquals(2 * 0.03, jx, tol, "Jx = 2 Re N_12");
        assertEquals(-2 * 0.02, jy, tol, "Jy = -2 Im N_12");
        assertTrue(HermitianEigen.of(sys.initialState()).values()[0] > -1e-14, "a density matrix");
    }

    /** The paper's single photon has nu = 1 in one orbital: geometric tail 2^-(cutoff + 1) is dropped. */
    @Test
    void truncatedWeightIsTheGeometricTail() {
        FockSpaceModel fock = FockSpaceModel.of(withOccupation(PartialCollectiveModel.initialOccupation(0.4)), 3);
        assertEquals(Math.pow(0.5, 4), fock.truncatedWeight(), 1e-12);
    }

    /** H_S in the one-quantum sector has the one-body eigenvalues; the two-quantum sector their sums. */
    @Test
    void hamiltonianSpectrumIsBuiltFromOneBodyFrequencies() {
        BilinearModel model = withOccupation(ComplexMatrix.zeros(2, 2));
        double[] e = HermitianEigen.of(model.hamiltonian()).values();
        double[] fock = HermitianEigen.of(FockSpaceModel.of(model, 2).system().hamiltonian()).values();
        // lowest levels: 0, e0, e1, 2 e0, e0 + e1, 2 e1 (all below the truncated three-quantum states)
        double[] expected = {0, e[0], e[1], 2 * e[0], e[0] + e[1], 2 * e[1]};
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], fock[k], 1e-12, "level " + k);
        }
    }

    @Test
    void positiveFrequencySupportIsRefused() {
        BilinearModel base = SecondMomentMasterEquationTest.twoBathModel(1e-3, 0.3, 0.2);
        BilinearModel positive = new BilinearModel(base.hamiltonian(), base.baths(), base.initialOccupation(),
                FrequencySupport.positive(0.1));
        assertThrows(InvalidModelException.class, () -> FockSpaceModel.of(positive, 3));
    }

    static ComplexMatrix op(FockSpaceModel fock, String name) {
        return fock.system().observables().stream().filter(o -> o.name().equals(name)).map(NamedOperator::operator)
                .findFirst().orElseThrow();
    }

    static double expectation(ComplexMatrix rho, ComplexMatrix op) {
        return rho.traceOfProductRe(op);
    }
}
